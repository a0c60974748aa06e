package io.storyteller.command.narration;

import io.storyteller.command.narration.budget.BudgetConfiguration;
import io.storyteller.command.narration.budget.BudgetProperties;
import io.storyteller.command.narration.budget.TurnBudgets;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.failover.FailoverConfiguration;
import io.storyteller.command.narration.failover.FailoverProperties;
import io.storyteller.command.narration.pipeline.ContinuityFindings;
import io.storyteller.command.narration.pipeline.ContinuityReview;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.Reviewer;
import io.storyteller.command.narration.pipeline.TextDetector;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.RuntimeConfiguration;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;

/** The engine's beans assemble in Spring, and the typed settings bind from properties. */
class NarrationWiringTest {

    @Test
    void wiresTheEngineAndBindsItsSettings() {
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        SpringAiContexts.withApplicationDefaults()
                .withBean(QueryUpdateEmitter.class, () -> emitter)
                .withBean(QueryGateway.class, () -> DefaultQueryGateway.builder()
                        .queryBus(SimpleQueryBus.builder().queryUpdateEmitter(emitter).build()).build())
                .withBean(EventStore.class, () -> EmbeddedEventStore.builder()
                        .storageEngine(new InMemoryEventStorageEngine()).build())
                .withBean(ContinuityReview.class, () -> (ground, candidate) -> new ContinuityFindings(List.of(), List.of()))
                .withBean(HarmGuard.class, () -> Checks.ALLOWING)
                .withBean(TextDetector.class, () -> (worldId, text) -> null)
                .withBean(Reviewer.class, () -> (ground, candidate) -> null)
                .withBean(CommandGateway.class, () -> DefaultCommandGateway.builder()
                        .commandBus(SimpleCommandBus.builder().build()).build())
                .withUserConfiguration(RuntimeConfiguration.class, NarrationConfiguration.class, Narrator.class, NarrationProgress.class,
                        NarrationEngine.class, BudgetConfiguration.class, HealingActions.class, FailoverConfiguration.class)
                .withPropertyValues("storyteller.narration.timeout=5s", "storyteller.narration.context-tokens=1000",
                        "storyteller.narration.lore-scan-beats=2", "storyteller.narration.top-p=0.9",
                        "storyteller.budgets.refresh=30s", "storyteller.healing.failover.record-every=30s")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(NarrationEngine.class).hasSingleBean(ModelRuntimes.class)
                            .hasSingleBean(ContextAssembler.class).hasSingleBean(Routes.class);
                    NarrationProperties properties = context.getBean(NarrationProperties.class);
                    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.contextTokens()).isEqualTo(1000);
                    assertThat(properties.loreScanBeats()).isEqualTo(2);
                    assertThat(properties.recentBeats()).isEqualTo(40);
                    assertThat(properties.temperature()).isEqualTo(0.8);
                    assertThat(properties.topP()).isEqualTo(0.9);
                    assertThat(properties.maxTokens()).isEqualTo(400);
                    assertThat(properties.contextCache()).isEqualTo(1000);
                    assertThat(context).hasSingleBean(TurnBudgets.class);
                    assertThat(context.getBean(BudgetProperties.class).refresh()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(context.getBean(BudgetProperties.class).timeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(context.getBean(Failover.class).enabled()).as("failover is on by default").isTrue();
                    assertThat(context.getBean(FailoverProperties.class).recordEvery()).isEqualTo(Duration.ofSeconds(30));
                });
    }
}
