package io.storyteller.query.deployment;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.deployment.FindRolloutAnalyses;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.WatchDeployments;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.projections.schema.DeploymentRows;
import io.storyteller.projections.schema.RolloutAnalysisRows;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers deployment queries. Only those who may manage deployments read them
 * ({@link AccessPolicy#managesModels}); to everyone else there are none.
 */
@Component
public class DeploymentQueries {

    private final JdbcClient jdbc;

    public DeploymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The slots, those of one world when it is given; global slots first, then by id. */
    @QueryHandler
    public List<DeploymentView> handle(FindDeployments query) {
        if (!AccessPolicy.managesModels(query.viewer())) {
            return List.of();
        }
        boolean inWorld = query.worldId() != null && !query.worldId().isBlank();
        var statement = jdbc.sql(DeploymentRows.SELECT + (inWorld ? " WHERE d.world_id = :worldId" : "")
                + " ORDER BY d.world_id NULLS FIRST, d.deployment_id");
        if (inWorld) {
            statement = statement.param("worldId", query.worldId());
        }
        return statement.query(DeploymentRows.VIEW).list();
    }

    /** The initial result of a deployments subscription: every slot; the updates are single changed slots. */
    @QueryHandler
    public List<DeploymentView> handle(WatchDeployments query) {
        return handle(new FindDeployments(null, query.viewer()));
    }

    /** A rollout's analyses (every rollout's of the slot when no rollout is given), oldest first. */
    @QueryHandler
    public List<RolloutAnalysisView> handle(FindRolloutAnalyses query) {
        if (!AccessPolicy.managesModels(query.viewer()) || query.deploymentId() == null) {
            return List.of();
        }
        boolean oneRollout = query.rolloutId() != null && !query.rolloutId().isBlank();
        var statement = jdbc.sql(RolloutAnalysisRows.SELECT + " WHERE a.deployment_id = :deploymentId"
                        + (oneRollout ? " AND a.rollout_id = :rolloutId" : "") + " ORDER BY a.event_seq")
                .param("deploymentId", query.deploymentId());
        if (oneRollout) {
            statement = statement.param("rolloutId", query.rolloutId());
        }
        return statement.query(RolloutAnalysisRows.VIEW).list();
    }
}
