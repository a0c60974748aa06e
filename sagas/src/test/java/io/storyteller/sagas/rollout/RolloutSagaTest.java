package io.storyteller.sagas.rollout;

import static io.storyteller.sagas.rollout.Rollouts.CANARY_ARM;
import static io.storyteller.sagas.rollout.Rollouts.DEPLOYMENT;
import static io.storyteller.sagas.rollout.Rollouts.INTERVAL;
import static io.storyteller.sagas.rollout.Rollouts.NOTHING;
import static io.storyteller.sagas.rollout.Rollouts.RETRY;
import static io.storyteller.sagas.rollout.Rollouts.ROLLOUT;
import static io.storyteller.sagas.rollout.Rollouts.SHADOW;
import static io.storyteller.sagas.rollout.Rollouts.SHADOW_ARM;
import static io.storyteller.sagas.rollout.Rollouts.STABLE_ARM;
import static io.storyteller.sagas.rollout.Rollouts.T0;
import static io.storyteller.sagas.rollout.Rollouts.abortAfter;
import static io.storyteller.sagas.rollout.Rollouts.aborted;
import static io.storyteller.sagas.rollout.Rollouts.advanced;
import static io.storyteller.sagas.rollout.Rollouts.analysisOf;
import static io.storyteller.sagas.rollout.Rollouts.analyze;
import static io.storyteller.sagas.rollout.Rollouts.analyzed;
import static io.storyteller.sagas.rollout.Rollouts.arm;
import static io.storyteller.sagas.rollout.Rollouts.canary;
import static io.storyteller.sagas.rollout.Rollouts.held;
import static io.storyteller.sagas.rollout.Rollouts.paused;
import static io.storyteller.sagas.rollout.Rollouts.promoted;
import static io.storyteller.sagas.rollout.Rollouts.report;
import static io.storyteller.sagas.rollout.Rollouts.resumed;
import static io.storyteller.sagas.rollout.Rollouts.rolledBack;
import static io.storyteller.sagas.rollout.Rollouts.shadowFirst;
import static io.storyteller.sagas.rollout.Rollouts.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.AnalyzeRollout;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the rollout saga does at each turn of a rollout. */
class RolloutSagaTest {

    private final ArmMetricsAnswers metrics = new ArmMetricsAnswers(report(STABLE_ARM, CANARY_ARM, SHADOW_ARM));
    private SagaTestFixture<RolloutSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RolloutSaga.class);
        fixture.registerResource(metrics);
        fixture.registerResource(Rollouts.settings());
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Nested
    class Starting {

        @Test
        void schedulesTheFirstAnalysisAfterTheInterval() {
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(started(canary()))
                    .expectActiveSagas(1)
                    .expectAssociationWith(RolloutKey.PROPERTY, RolloutKey.of(DEPLOYMENT, ROLLOUT))
                    .expectScheduledDeadline(INTERVAL, new AnalysisDue(0, 1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void keepsRolloutsOfDifferentDeploymentsApartThoughTheirIdsAgree() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenPublishingA(started("narrator:world:w1", canary()))
                    .expectActiveSagas(2)
                    .expectAssociationWith(RolloutKey.PROPERTY, RolloutKey.of("narrator:world:w1", ROLLOUT));
        }

        @Test
        void firstAnalysesAShadowPhaseWhenItsDurationHasPassed() {
            fixture.givenCurrentTime(T0)
                    .whenPublishingA(started(shadowFirst()))
                    .expectScheduledDeadline(SHADOW, new AnalysisDue(0, 1))
                    .expectNoScheduledDeadlineMatching(INTERVAL, analysisOf(0));
        }

        @Test
        void doesNotAnalyseAShadowPhaseBeforeItsDuration() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(shadowFirst()))
                    .whenTimeElapses(SHADOW.minusMinutes(1))
                    .expectNoDispatchedCommands()
                    .expectTriggeredDeadlines();
        }
    }

    @Nested
    class Analysing {

        @Test
        void submitsBothArmsMeasuredSinceTheStepBegan() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(analyze(0, STABLE_ARM, CANARY_ARM))
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(0));
            assertThat(metrics.asked()).containsExactly(new FindArmMetrics(DEPLOYMENT, ROLLOUT, T0, 0));
        }

        @Test
        void judgesTheShadowPhaseByTheMirroredCalls() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(shadowFirst()))
                    .whenTimeElapses(SHADOW)
                    .expectDispatchedCommands(analyze(0, STABLE_ARM, SHADOW_ARM));
        }

        @Test
        void keepsAnalysingAShadowPhaseEveryIntervalOnceItsDurationHasPassed() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(shadowFirst()))
                    .andThenTimeElapses(SHADOW)
                    .andThenAPublished(held(0))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(analyze(0, STABLE_ARM, SHADOW_ARM));
        }

        @Test
        void judgesTheStableArmAtWeight100ByTheLastWindowInWhichItServed() throws Exception {
            ArmMetrics stableLastWindow = arm(640);
            ArmMetrics candidateAtFull = arm(900);
            metrics.thenReport(report(stableLastWindow, CANARY_ARM, NOTHING))
                    .thenReport(report(NOTHING, candidateAtFull, NOTHING));
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(analyzed(0, Verdict.ADVANCE))
                    .andThenAPublished(advanced(1, 100))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(analyze(1, stableLastWindow, candidateAtFull));
        }
    }

    @Nested
    class Advancing {

        @Test
        void schedulesTheNextStepsAnalysisAndForgetsTheOldOne() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(Duration.ofMinutes(10))
                    .andThenAPublished(analyzed(0, Verdict.ADVANCE))
                    .andThenTimeElapses(Duration.ofMinutes(1))
                    .whenPublishingA(advanced(1, 100))
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(1))
                    .expectNoScheduledDeadlineMatching(analysisOf(0))
                    .expectActiveSagas(1);
        }

        @Test
        void measuresTheNewStepFromWhenItBegan() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(analyzed(0, Verdict.ADVANCE))
                    .andThenTimeElapses(Duration.ofMinutes(1))
                    .andThenAPublished(advanced(1, 100))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(analyze(1, STABLE_ARM, CANARY_ARM));
            assertThat(metrics.asked()).extracting(FindArmMetrics::since)
                    .containsExactly(T0, T0.plus(INTERVAL).plusSeconds(60));
        }

        @Test
        void leavesTheShadowPhaseForTheFirstCanaryStep() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(shadowFirst()))
                    .andThenTimeElapses(SHADOW)
                    .andThenAPublished(analyzed(0, Verdict.ADVANCE))
                    .andThenAPublished(advanced(1, 50))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(analyze(1, STABLE_ARM, CANARY_ARM));
        }
    }

    @Nested
    class Ending {

        @Test
        void endsWhenPromoted() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .whenPublishingA(promoted())
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void endsWhenRolledBack() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(analyzed(0, Verdict.ROLLBACK))
                    .whenPublishingA(rolledBack())
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void endsWhenAborted() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenAPublished(paused())
                    .whenPublishingA(aborted())
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void ignoresTheEndOfAnotherDeploymentsRolloutOfTheSameId() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenPublishingA(new io.storyteller.domain.deployment.RolloutPromoted("narrator:world:w1", ROLLOUT,
                            Rollouts.CANDIDATE, Rollouts.STABLE_MODEL, "elsewhere", "system"))
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(0));
        }
    }

    @Nested
    class Holding {

        @Test
        void analysesAgainAfterTheInterval() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(held(0))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(analyze(0, STABLE_ARM, CANARY_ARM))
                    .expectActiveSagas(1);
        }

        @Test
        void abortsAfterMaxHoldsInconclusiveAnalyses() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(held(0))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(held(0))
                    .andThenTimeElapses(INTERVAL)
                    .whenPublishingA(held(0))
                    .expectDispatchedCommands(abortAfter(Rollouts.MAX_HOLDS))
                    .expectActiveSagas(1);
        }

        @Test
        void countsHoldsPerStep() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(held(0))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(held(0))
                    .andThenTimeElapses(INTERVAL)
                    .andThenAPublished(analyzed(0, Verdict.ADVANCE))
                    .andThenAPublished(advanced(1, 100))
                    .andThenTimeElapses(INTERVAL)
                    .whenPublishingA(held(1))
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(1));
        }

        @Test
        void abortsWhenAnalysesKeepComingToNothing() throws Exception {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof AnalyzeRollout) {
                    throw DomainRejection.conflict("deploymentId", "unavailable", "try again later");
                }
                return null;
            });
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL.multipliedBy(Rollouts.MAX_HOLDS))
                    .whenTimeElapses(INTERVAL)
                    .expectDispatchedCommands(abortAfter(Rollouts.MAX_HOLDS))
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(0));
        }
    }

    @Nested
    class PausingAndResuming {

        @Test
        void pauseCancelsTheAnalysis() {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenPublishingA(paused())
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(1);
        }

        @Test
        void aPausedRolloutIsNotAnalysed() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenAPublished(paused())
                    .whenTimeElapses(Duration.ofDays(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void resumeSchedulesAFreshAnalysis() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenAPublished(paused())
                    .andThenTimeElapses(Duration.ofHours(3))
                    .whenPublishingA(resumed())
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(0));
        }

        @Test
        void resumeInTheShadowPhaseStillWaitsForItsDuration() throws Exception {
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(shadowFirst()))
                    .andThenTimeElapses(Duration.ofMinutes(5))
                    .andThenAPublished(paused())
                    .andThenTimeElapses(Duration.ofMinutes(15))
                    .whenPublishingA(resumed())
                    .expectScheduledDeadlineMatching(Duration.ofMinutes(40), analysisOf(0))
                    .expectNoScheduledDeadlineMatching(INTERVAL, analysisOf(0));
        }
    }

    @Nested
    class Failing {

        @Test
        void retriesAFailedMetricsQuerySoon() {
            metrics.thenFail().thenReport(report(STABLE_ARM, CANARY_ARM, NOTHING));
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenTimeElapses(INTERVAL)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineMatching(RETRY, analysisOf(0))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void analysesOnceTheRetriedQueryAnswers() throws Exception {
            metrics.thenFail().thenReport(report(STABLE_ARM, CANARY_ARM, NOTHING));
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .whenTimeElapses(RETRY)
                    .expectDispatchedCommands(analyze(0, STABLE_ARM, CANARY_ARM));
        }

        @Test
        void retriesAQueryThatTimesOut() {
            metrics.thenNeverAnswer().thenReport(report(STABLE_ARM, CANARY_ARM, NOTHING));
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenTimeElapses(INTERVAL)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineMatching(RETRY, analysisOf(0));
        }

        @Test
        void givesUpRetryingAfterMaxQueryRetriesUntilTheNextInterval() throws Exception {
            metrics.thenFail();
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .andThenTimeElapses(INTERVAL)
                    .andThenTimeElapses(RETRY.multipliedBy(Rollouts.MAX_QUERY_RETRIES - 1))
                    .whenTimeElapses(RETRY)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(0))
                    .expectNoScheduledDeadlineMatching(RETRY, analysisOf(0));
            assertThat(metrics.asked()).hasSize(1 + Rollouts.MAX_QUERY_RETRIES);
        }

        @Test
        void survivesARefusedAnalysisAndAnalysesAgainLater() {
            fixture.setCallbackBehavior((command, metaData) -> {
                throw DomainRejection.conflict("step", "current", "rollout r1 stands at step 1, not 0");
            });
            fixture.givenCurrentTime(T0)
                    .andThenAPublished(started(canary()))
                    .whenTimeElapses(INTERVAL)
                    .expectSuccessfulHandlerExecution()
                    .expectDispatchedCommands(analyze(0, STABLE_ARM, CANARY_ARM))
                    .expectScheduledDeadlineMatching(INTERVAL, analysisOf(0))
                    .expectActiveSagas(1);
        }
    }
}
