package io.storyteller.query.deployment;

import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoutes;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoutes;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.deployment.SlotResolution;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.projections.schema.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers which narrator slot serves a world and how its calls are split. Every narration asks,
 * so it is one primary-key lookup of at most two rows: the world's slot wins over the global one.
 * It carries no viewer: the platform asks it, and it reveals no player data.
 */
@Component
public class NarratorRouting {

    static final String ROUTE = """
            SELECT deployment_id, stable_model_id, stable_version, rollout_id, rollout_candidate_model_id,
                   rollout_candidate_version, rollout_phase, rollout_weight, rollout_step
            FROM deployments
            WHERE deployment_id = ANY(:slots)
            ORDER BY world_id IS NULL
            LIMIT 1""";

    static final String ROUTES = """
            SELECT deployment_id, stable_model_id, stable_version, rollout_id, rollout_candidate_model_id,
                   rollout_candidate_version, rollout_phase, rollout_weight, rollout_step
            FROM deployments
            WHERE deployment_id = ANY(:slots)""";

    private final JdbcClient jdbc;

    public NarratorRouting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The route, or null when neither the world's nor the global narrator slot exists. */
    @QueryHandler
    public NarratorRoute handle(FindNarratorRoute query) {
        return route(UseCase.NARRATOR, query.worldId());
    }

    /** The slot of any use case: the reviewer, detector, guardrail and embedder stages ask here. */
    @QueryHandler
    public NarratorRoute handle(FindSlotRoute query) {
        return route(query.useCase() == null ? UseCase.NARRATOR : query.useCase(), query.worldId());
    }

    private NarratorRoute route(UseCase useCase, String world) {
        String worldId = world == null || world.isBlank() ? null : world;
        return jdbc.sql(ROUTE)
                .param("slots", Columns.textArray(SlotResolution.candidates(useCase, worldId)))
                .query(NarratorRouting::route)
                .optional()
                .orElse(null);
    }

    /** The named deployments' routes, in the order named; a name that is no narrator deployment is left out. */
    @QueryHandler
    public NarratorRoutes handle(FindNarratorRoutes query) {
        List<String> named = query.deploymentIds().stream().filter(id -> id != null && id.startsWith("narrator:")).toList();
        if (named.isEmpty()) {
            return new NarratorRoutes(List.of());
        }
        Map<String, NarratorRoute> found = new HashMap<>();
        jdbc.sql(ROUTES).param("slots", Columns.textArray(named)).query(NarratorRouting::route)
                .list().forEach(route -> found.put(route.deploymentId(), route));
        return new NarratorRoutes(named.stream().map(found::get).filter(Objects::nonNull).toList());
    }

    private static NarratorRoute route(ResultSet rs, int rowNum) throws SQLException {
        String rolloutId = rs.getString("rollout_id");
        RolloutRoute rollout = rolloutId == null ? null : new RolloutRoute(rolloutId,
                new ModelRef(rs.getString("rollout_candidate_model_id"), rs.getString("rollout_candidate_version")),
                RolloutPhase.valueOf(rs.getString("rollout_phase")),
                rs.getInt("rollout_weight"),
                rs.getInt("rollout_step"));
        return new NarratorRoute(rs.getString("deployment_id"),
                new ModelRef(rs.getString("stable_model_id"), rs.getString("stable_version")), rollout);
    }
}
