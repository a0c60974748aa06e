package io.storyteller.sagas.rollout;

import static io.storyteller.sagas.rollout.Rollouts.CANARY_ARM;
import static io.storyteller.sagas.rollout.Rollouts.SHADOW_ARM;
import static io.storyteller.sagas.rollout.Rollouts.STABLE_ARM;
import static io.storyteller.sagas.rollout.Rollouts.analyze;
import static io.storyteller.sagas.rollout.Rollouts.report;
import static io.storyteller.sagas.rollout.Rollouts.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.deployment.AnalyzeRollout;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The saga as Spring and Axon's auto-configuration find it in a scanned package: registered, its
 * resources and settings injected, its deadline fired by the configured deadline manager. Everything
 * in memory here; the application runs it on PostgreSQL with db-scheduler.
 */
@SpringBootTest(classes = RolloutSagaDiscoveryTest.Application.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson",
        "storyteller.rollouts.max-holds=7",
        "axoniq.update-checker.disabled=true",
        "disable-axoniq-console-message=true"})
class RolloutSagaDiscoveryTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventGateway events;
    @Autowired
    DeploymentDouble deployment;
    @Autowired
    RolloutSagaProperties settings;

    @Test
    void isASpringDetectedSagaThatAnalysesOnItsDeadline() {
        assertThat(processing.sagaConfiguration(RolloutSaga.class)).isNotNull();
        assertThat(processing.sagaConfiguration(RolloutSaga.class).processingGroup()).isEqualTo("RolloutSagaProcessor");
        assertThat(settings.maxHolds()).isEqualTo(7);

        events.publish(started(new RolloutStrategy(null, List.of(25, 100), Duration.ofMillis(300), 100, RolloutGates.none())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(deployment.analyses).startsWith(analyze(0, STABLE_ARM, CANARY_ARM)));
        assertThat(deployment.asked).isNotEmpty();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = RolloutSaga.class)
    static class Application {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        /** Spring autowires the saga's fields itself, so the deadline manager must be a bean (the application's is db-scheduler's). */
        @Bean
        DeadlineManager deadlineManager(Configuration configuration) {
            return SimpleDeadlineManager.builder()
                    .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                    .build();
        }

        @Bean
        DeploymentDouble deploymentDouble() {
            return new DeploymentDouble();
        }
    }

    /** Answers the metrics query and takes the analyses, as the projection and the Deployment aggregate would. */
    static class DeploymentDouble {

        final List<AnalyzeRollout> analyses = new CopyOnWriteArrayList<>();
        final List<FindArmMetrics> asked = new CopyOnWriteArrayList<>();

        @QueryHandler
        ArmMetricsReport handle(FindArmMetrics query) {
            asked.add(query);
            return report(STABLE_ARM, CANARY_ARM, SHADOW_ARM);
        }

        @CommandHandler
        void handle(AnalyzeRollout command) {
            analyses.add(command);
        }
    }
}
