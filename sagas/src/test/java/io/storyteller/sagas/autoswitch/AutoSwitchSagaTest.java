package io.storyteller.sagas.autoswitch;

import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.CANDIDATE;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.GOOD;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.GOOD_ARM;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.PAIR;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.POOR;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.POOR_ARM;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.SLOT;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.STABLE;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.T0;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.considered;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.decided;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.evaluated;
import static io.storyteller.sagas.autoswitch.AutoSwitchExamples.evaluationId;

import io.storyteller.domain.deployment.AutoSwitchConsidered;
import io.storyteller.domain.deployment.DecideAutoSwitch;
import io.storyteller.domain.model.EvaluateModelByReplay;
import io.storyteller.domain.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How one (slot, candidate) pair goes from being considered to being decided. */
class AutoSwitchSagaTest {

    static final AutoSwitchSagaProperties SETTINGS = AutoSwitchSagaProperties.defaults();
    static final Duration TIMEOUT = SETTINGS.evaluationTimeout();
    static final String ROLLOUT = UUID.nameUUIDFromBytes(PAIR.getBytes(StandardCharsets.UTF_8)).toString();

    private SagaTestFixture<AutoSwitchSaga> fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SagaTestFixture<>(AutoSwitchSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    private static EvaluateModelByReplay evaluate(String arm, int attempt) {
        return new EvaluateModelByReplay("candidate".equals(arm) ? CANDIDATE : STABLE, "w1", evaluationId(arm, attempt),
                Actor.system());
    }

    private static DecideAutoSwitch decide() {
        return new DecideAutoSwitch(SLOT, CANDIDATE, GOOD_ARM, POOR_ARM, SETTINGS.policy(), SETTINGS.strategy(), ROLLOUT,
                Actor.system());
    }

    @Test
    void aConsideredPairAsksForBothReplayEvaluationsAndWaitsForThem() throws Exception {
        fixture.givenCurrentTime(T0)
                .whenPublishingA(considered())
                .expectActiveSagas(1)
                .expectAssociationWith(AutoSwitchPair.PROPERTY, PAIR)
                .expectAssociationWith(AutoSwitchPair.EVALUATION, evaluationId("candidate", 1))
                .expectAssociationWith(AutoSwitchPair.EVALUATION, evaluationId("stable", 1))
                .expectDispatchedCommands(evaluate("candidate", 1), evaluate("stable", 1))
                .expectScheduledDeadline(TIMEOUT, new EvaluationDue(1));
    }

    @Test
    void theGlobalSlotReplaysAllWorlds() throws Exception {
        fixture.givenCurrentTime(T0)
                .whenPublishingA(new AutoSwitchConsidered("narrator:global", null, CANDIDATE, STABLE, "system"))
                .expectDispatchedCommands(
                        new EvaluateModelByReplay(CANDIDATE, null,
                                AutoSwitchPair.of("narrator:global", CANDIDATE) + "/candidate/1", Actor.system()),
                        new EvaluateModelByReplay(STABLE, null,
                                AutoSwitchPair.of("narrator:global", CANDIDATE) + "/stable/1", Actor.system()));
    }

    @Test
    void oneEvaluationIsNotEnoughToDecide() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .whenPublishingA(evaluated(CANDIDATE, GOOD, evaluationId("candidate", 1)))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void bothEvaluationsInTheSlotIsAskedToDecideWithThePolicyAndAShadowFirstStrategy() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenAPublished(evaluated(STABLE, POOR, evaluationId("stable", 1)))
                .whenPublishingA(evaluated(CANDIDATE, GOOD, evaluationId("candidate", 1)))
                .expectDispatchedCommands(decide())
                .expectActiveSagas(1)
                .expectScheduledDeadline(TIMEOUT, new EvaluationDue(1));
    }

    @Test
    void theDecisionEndsTheSagaAndItsDeadline() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenAPublished(evaluated(STABLE, POOR, evaluationId("stable", 1)))
                .andThenAPublished(evaluated(CANDIDATE, GOOD, evaluationId("candidate", 1)))
                .whenPublishingA(decided(true))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void anEvaluationOfAnotherRequestIsNotTakenForThisPair() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenAPublished(evaluated(STABLE, POOR, evaluationId("stable", 1)))
                .whenPublishingA(evaluated(CANDIDATE, GOOD, "someone-else"))
                .expectNoDispatchedCommands();
    }

    @Test
    void aTimeoutAsksAgainForWhatIsMissingOnly() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenAPublished(evaluated(STABLE, POOR, evaluationId("stable", 1)))
                .whenTimeElapses(TIMEOUT)
                .expectDeadlinesMet(new EvaluationDue(1))
                .expectDispatchedCommands(evaluate("candidate", 2))
                .expectAssociationWith(AutoSwitchPair.EVALUATION, evaluationId("candidate", 2))
                .expectScheduledDeadline(TIMEOUT, new EvaluationDue(2))
                .expectActiveSagas(1);
    }

    @Test
    void aLateAnswerToAnEarlierAttemptStillCounts() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenAPublished(evaluated(STABLE, POOR, evaluationId("stable", 1)))
                .andThenTimeElapses(TIMEOUT)
                .whenPublishingA(evaluated(CANDIDATE, GOOD, evaluationId("candidate", 1)))
                .expectDispatchedCommands(decide());
    }

    @Test
    void afterTheLastRetryItGivesUpAndEnds() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenTimeElapses(TIMEOUT)
                .andThenTimeElapses(TIMEOUT)
                .whenTimeElapses(TIMEOUT)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aDecisionWithoutAnAnswerIsAskedForAgain() throws Exception {
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .andThenAPublished(evaluated(STABLE, POOR, evaluationId("stable", 1)))
                .andThenAPublished(evaluated(CANDIDATE, GOOD, evaluationId("candidate", 1)))
                .whenTimeElapses(TIMEOUT)
                .expectDispatchedCommands(decide())
                .expectScheduledDeadline(TIMEOUT, new EvaluationDue(2));
    }

    @Test
    void theWaitIsAPersistedDeadlineNotAThread() throws Exception {
        // What a restart keeps: the saga's fields (JSON) and the scheduled deadline. The fixture's
        // deadline manager holds it like the database-backed scheduler does, and it fires by time alone.
        fixture.givenCurrentTime(T0)
                .andThenAPublished(considered())
                .whenTimeAdvancesTo(T0.plus(TIMEOUT).minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), AutoSwitchSaga.AWAITING);
    }
}
