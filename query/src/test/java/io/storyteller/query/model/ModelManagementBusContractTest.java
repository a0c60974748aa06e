package io.storyteller.query.model;

import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V2;
import static io.storyteller.query.model.ModelPlatform.GLOBAL_SLOT;
import static io.storyteller.query.model.ModelPlatform.MIA;
import static io.storyteller.query.model.ModelPlatform.PIA;
import static io.storyteller.query.model.ModelPlatform.TUNED;
import static io.storyteller.query.model.ModelPlatform.WORLD_SLOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.deployment.FindRolloutAnalyses;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.WatchDeployments;
import io.storyteller.domain.model.FindModelLineage;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelLineage;
import io.storyteller.domain.model.ModelView;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.query.deployment.ArmMetricsQueries;
import io.storyteller.query.deployment.DeploymentQueries;
import io.storyteller.query.deployment.NarratorRouting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response types the API and the engines must ask for, proven through Axon's query bus, and
 * the deployments subscription fed by the projection through the bus's update emitter.
 */
class ModelManagementBusContractTest {

    static ReadModelDatabase db;
    static SimpleQueryBus bus;
    static QueryGateway gateway;
    static EventLog log;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
        bus = SimpleQueryBus.builder().build();
        for (Object handler : List.of(new ModelQueries(db.jdbc()), new DeploymentQueries(db.jdbc()),
                new NarratorRouting(db.jdbc()), new ArmMetricsQueries(db.jdbc()))) {
            new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
        }
        gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        log = ModelPlatform.load(db.jdbc(), bus.queryUpdateEmitter());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void registryQueries() {
        List<ModelView> models = gateway.query(new FindModels(null, null, null, MIA),
                ResponseTypes.multipleInstancesOf(ModelView.class)).join();
        Optional<ModelLineage> lineage = gateway.query(new FindModelLineage(TUNED, null, MIA),
                ResponseTypes.optionalInstanceOf(ModelLineage.class)).join();
        Optional<ModelLineage> hidden = gateway.query(new FindModelLineage(TUNED, null, PIA),
                ResponseTypes.optionalInstanceOf(ModelLineage.class)).join();

        assertThat(models).hasSize(5);
        assertThat(lineage.orElseThrow().chain()).hasSize(3);
        assertThat(hidden).isEmpty();
    }

    @Test
    void deploymentQueries() {
        List<DeploymentView> slots = gateway.query(new FindDeployments(null, MIA),
                ResponseTypes.multipleInstancesOf(DeploymentView.class)).join();
        List<RolloutAnalysisView> analyses = gateway.query(new FindRolloutAnalyses(WORLD_SLOT, "r1", MIA),
                ResponseTypes.multipleInstancesOf(RolloutAnalysisView.class)).join();
        ArmMetricsReport metrics = gateway.query(new FindArmMetrics(WORLD_SLOT, "r1", null),
                ResponseTypes.instanceOf(ArmMetricsReport.class)).join();

        assertThat(slots).hasSize(2);
        assertThat(analyses).hasSize(2);
        assertThat(metrics.stable().samples()).isZero();
    }

    @Test
    void resolvingTheNarratorAnswersNullWhenNoSlotServes() {
        NarratorRoute w1 = gateway.query(new FindNarratorRoute("w1"), ResponseTypes.instanceOf(NarratorRoute.class))
                .join();
        NarratorRoute w2 = gateway.query(new FindNarratorRoute("w2"), ResponseTypes.instanceOf(NarratorRoute.class))
                .join();
        Optional<NarratorRoute> asOptional = gateway.query(new FindNarratorRoute("w1"),
                ResponseTypes.optionalInstanceOf(NarratorRoute.class)).join();

        assertThat(w1.deploymentId()).isEqualTo(WORLD_SLOT);
        assertThat(w1.rollout().candidate()).isEqualTo(HOUSE_V2);
        assertThat(w2.deploymentId()).isEqualTo(GLOBAL_SLOT);
        assertThat(asOptional).map(NarratorRoute::deploymentId).contains(WORLD_SLOT);
    }

    @Test
    void watchingDeploymentsGivesEverySlotThenEachChangedSlot() {
        SubscriptionQueryResult<List<DeploymentView>, DeploymentView> watch = gateway.subscriptionQuery(
                new WatchDeployments(MIA), ResponseTypes.multipleInstancesOf(DeploymentView.class),
                ResponseTypes.instanceOf(DeploymentView.class));
        SubscriptionQueryResult<List<DeploymentView>, DeploymentView> player = gateway.subscriptionQuery(
                new WatchDeployments(PIA), ResponseTypes.multipleInstancesOf(DeploymentView.class),
                ResponseTypes.instanceOf(DeploymentView.class));
        try {
            assertThat(watch.initialResult().block(Duration.ofSeconds(5))).hasSize(2);
            assertThat(player.initialResult().block(Duration.ofSeconds(5))).isEmpty();

            log.deployment(WORLD_SLOT, new RolloutPromoted(WORLD_SLOT, "r1", HOUSE_V2, GPT_V1, "by hand", "mia"));
            log.deliver(ModelPlatform.projections(db.jdbc(), bus.queryUpdateEmitter()));

            DeploymentView update = watch.updates().blockFirst(Duration.ofSeconds(5));
            assertThat(update.deploymentId()).isEqualTo(WORLD_SLOT);
            assertThat(update.stable()).isEqualTo(HOUSE_V2);
            assertThat(update.rollout()).isNull();
            assertThat(player.updates().take(Duration.ofMillis(300)).collectList().block()).isEmpty();
        } finally {
            watch.close();
            player.close();
        }
    }
}
