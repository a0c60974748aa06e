package io.storyteller.graphql.deployment;

import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.AuditNarration;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.deployment.FindRolloutAnalyses;
import io.storyteller.domain.deployment.NarrationAudit;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.shared.Actor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads deployment slots, their rollouts' analyses and metrics, and the narration audit. */
@Controller
public class DeploymentQueryFields {

    private final QueryGateway queries;

    public DeploymentQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<DeploymentView>> deployments(@Argument String worldId, Actor actor) {
        return queries.query(new FindDeployments(worldId, actor), ResponseTypes.multipleInstancesOf(DeploymentView.class));
    }

    @QueryMapping
    public CompletableFuture<List<RolloutAnalysisView>> rolloutAnalyses(@Argument String deploymentId,
            @Argument String rolloutId, Actor actor) {
        return queries.query(new FindRolloutAnalyses(deploymentId, rolloutId, actor),
                ResponseTypes.multipleInstancesOf(RolloutAnalysisView.class));
    }

    /** FindArmMetrics carries no viewer (the rollout saga asks it), so who may ask is checked here. */
    @QueryMapping
    public CompletableFuture<ArmMetricsReport> armMetrics(@Argument String deploymentId, @Argument String rolloutId,
            @Argument OffsetDateTime since, Actor actor) {
        ModelAuthority.require(actor);
        return queries.query(new FindArmMetrics(deploymentId, rolloutId, since.toInstant()),
                ResponseTypes.instanceOf(ArmMetricsReport.class));
    }

    @QueryMapping
    public CompletableFuture<NarrationAudit> narrationAudit(@Argument String storyId, @Argument String beatId, Actor actor) {
        return queries.query(new AuditNarration(storyId, beatId, actor), ResponseTypes.optionalInstanceOf(NarrationAudit.class))
                .thenApply(found -> found.orElse(null));
    }

    @SchemaMapping(typeName = "Deployment", field = "id")
    public String id(DeploymentView deployment) {
        return deployment.deploymentId();
    }

    @SchemaMapping(typeName = "Deployment", field = "traffic")
    public TrafficSplit traffic(DeploymentView deployment) {
        return TrafficSplit.of(deployment);
    }

    @SchemaMapping(typeName = "RolloutProgress", field = "plan")
    public List<Integer> plan(RolloutProgress rollout) {
        return rollout.strategy().plan();
    }

    @SchemaMapping(typeName = "RolloutProgress", field = "lastStep")
    public int lastStep(RolloutProgress rollout) {
        return rollout.strategy().lastStep();
    }
}
