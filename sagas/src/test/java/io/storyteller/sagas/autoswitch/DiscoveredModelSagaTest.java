package io.storyteller.sagas.autoswitch;

import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.CANDIDATE;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.SLOT;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.STABLE;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.T0;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.discovered;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.slot;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.versionAdded;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.ConsiderAutoSwitch;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which narrator slots a discovered model's first version is offered to. */
class DiscoveredModelSagaTest {

    static final AutoSwitchSagaProperties SETTINGS = AutoSwitchSagaProperties.defaults();
    static final ModelRef OTHER_STABLE = new ModelRef("anthropic:claude-haiku", "4");

    private final SlotAnswers slots = new SlotAnswers();
    private SagaTestFixture<DiscoveredModelSaga> fixture;

    @BeforeEach
    void setUp() {
        // "now", for the discovery's age, is Axon's clock
        GenericEventMessage.clock = Clock.fixed(T0, ZoneOffset.UTC);
        fixture = new SagaTestFixture<>(DiscoveredModelSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(slots);
        fixture.registerCommandGateway(CommandGateway.class);
        slots.slots.add(slot(SLOT, "w1", STABLE, null));
        slots.slots.add(slot("narrator:global", null, STABLE, null));
        slots.slots.add(slot("narrator:world:w2", "w2", OTHER_STABLE, null));
        slots.slots.add(slot("reviewer:world:w1", "w1", STABLE, null));
    }

    @AfterEach
    void tearDown() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    private static ConsiderAutoSwitch consider(String deploymentId, String worldId) {
        return new ConsiderAutoSwitch(deploymentId, worldId, CANDIDATE, "openai", T0, Actor.system());
    }

    @Test
    void aDiscoveredChatModelWaitsForItsFirstVersion() {
        fixture.givenCurrentTime(T0)
                .whenPublishingA(discovered())
                .expectActiveSagas(1)
                .expectAssociationWith("modelId", CANDIDATE.modelId())
                .expectNoDispatchedCommands();
    }

    @Test
    void itsFirstVersionIsOfferedToEveryNarratorSlotOfTheSameProviderThenTheSagaEnds() {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(discovered())
                .whenPublishingA(versionAdded(CANDIDATE))
                .expectDispatchedCommands(consider(SLOT, "w1"), consider("narrator:global", null))
                .expectActiveSagas(0);
    }

    @Test
    void aLaterVersionStartsNothingNew() {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(discovered())
                .andThenAPublished(versionAdded(CANDIDATE))
                .whenPublishingA(versionAdded(new ModelRef(CANDIDATE.modelId(), "gpt-5-2026-02-01")))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aSlotWithARolloutInProgressIsNotOffered() {
        slots.slots.set(0, slot(SLOT, "w1", STABLE, new RolloutProgress("r0", new ModelRef("openai:gpt-4.1", "1"),
                SETTINGS.strategy(), RolloutPhase.SHADOW, 0, 0, false, "manual", T0)));
        fixture.givenCurrentTime(T0)
                .andThenAPublished(discovered())
                .whenPublishingA(versionAdded(CANDIDATE))
                .expectDispatchedCommands(consider("narrator:global", null));
    }

    @Test
    void aModelEnteredByHandIsNotFollowed() {
        fixture.givenCurrentTime(T0)
                .whenPublishingA(discovered(CANDIDATE.modelId(), "openai", ModelKind.CHAT, null))
                .expectActiveSagas(0);
    }

    @Test
    void aModelThatIsNotForChatIsNotFollowed() {
        fixture.givenCurrentTime(T0)
                .whenPublishingA(discovered("openai:text-embedding-3", "openai", ModelKind.EMBEDDING, "discovery:openai"))
                .expectActiveSagas(0);
    }

    @Test
    void aDiscoveryOlderThanTheMaximumAgeIsNotOffered() {
        fixture.givenCurrentTime(T0.minus(Duration.ofHours(25)))
                .andThenAPublished(discovered())
                .whenPublishingA(versionAdded(CANDIDATE))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void slotsThatCannotBeReadAreAskedForAgainLater() {
        slots.failuresToCome = 1;
        fixture.givenCurrentTime(T0)
                .andThenAPublished(discovered())
                .andThenAPublished(versionAdded(CANDIDATE))
                .whenTimeElapses(SETTINGS.requestTimeout())
                .expectDispatchedCommands(consider(SLOT, "w1"), consider("narrator:global", null))
                .expectActiveSagas(0);
        assertThat(slots.asked).isEqualTo(2);
    }

    @Test
    void slotsThatCannotBeReadAtAllEndTheSaga() throws Exception {
        slots.failuresToCome = SETTINGS.evaluationRetries() + 1;
        fixture.givenCurrentTime(T0)
                .andThenAPublished(discovered())
                .andThenAPublished(versionAdded(CANDIDATE))
                .andThenTimeElapses(SETTINGS.requestTimeout())
                .whenTimeElapses(SETTINGS.requestTimeout())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void switchedOffItFollowsNothing() {
        fixture.registerResource(new AutoSwitchSagaProperties(false, 0.25, SETTINGS.maxCostIncrease(),
                SETTINGS.requestTimeout(), SETTINGS.maxDiscoveryAge(), SETTINGS.evaluationTimeout(), 2, 50, null,
                SETTINGS.canarySteps(), SETTINGS.analysisInterval(), 30, 0.05, 0.1));
        fixture.givenCurrentTime(T0)
                .whenPublishingA(discovered())
                .expectActiveSagas(0);
    }
}
