package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.advanced;
import static io.storyteller.domain.deployment.DeploymentExamples.created;
import static io.storyteller.domain.deployment.DeploymentExamples.healthy;
import static io.storyteller.domain.deployment.DeploymentExamples.healthyResults;
import static io.storyteller.domain.deployment.DeploymentExamples.inCanary;
import static io.storyteller.domain.deployment.DeploymentExamples.inShadow;
import static io.storyteller.domain.deployment.DeploymentExamples.paused;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pausing, resuming, promoting, aborting a rollout and ending its shadow phase, by hand. */
class SteeringARolloutTest {

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    @Test
    void theModelManagerPausesARollout() {
        fixture.given(inCanary())
                .when(new PauseRollout(GLOBAL, R1, " investigating latency ", MANAGER))
                .expectEvents(paused());
    }

    @Test
    void aPauseNeedNotSayWhy() {
        fixture.given(inCanary())
                .when(new PauseRollout(GLOBAL, R1, null, ADMIN))
                .expectEvents(new RolloutPaused(GLOBAL, R1, "", ADMIN.userId()));
    }

    @Test
    void aPausedRolloutIsNotPausedAgain() {
        fixture.given(inCanary(paused()))
                .when(new PauseRollout(GLOBAL, R1, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "not-paused"));
    }

    @Test
    void aPauseReasonHoldsAtMost1000Characters() {
        fixture.given(inCanary())
                .when(new PauseRollout(GLOBAL, R1, "r".repeat(1001), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "max-length:1000"));
    }

    @Test
    void aPausedRolloutResumes() {
        fixture.given(inCanary(paused()))
                .when(new ResumeRollout(GLOBAL, R1, MANAGER))
                .expectEvents(new RolloutResumed(GLOBAL, R1, MANAGER.userId()));
    }

    @Test
    void onlyAPausedRolloutResumes() {
        fixture.given(inCanary())
                .when(new ResumeRollout(GLOBAL, R1, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "paused"));
    }

    @Test
    void aResumedRolloutIsAnalysedAtTheStepItStoodAt() {
        fixture.given(inCanary(advanced(1, 25), paused(), new RolloutResumed(GLOBAL, R1, MANAGER.userId())))
                .when(new AnalyzeRollout(GLOBAL, R1, 1, healthy(), healthy(), Actor.system()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPromotionByHandSkipsTheRemainingSteps() {
        fixture.given(inCanary())
                .when(new PromoteRollout(GLOBAL, R1, " evaluations settle it ", ADMIN))
                .expectEvents(new RolloutPromoted(GLOBAL, R1, CANDIDATE, STABLE, "evaluations settle it", ADMIN.userId()));
    }

    @Test
    void aPausedRolloutMayBePromoted() {
        fixture.given(inCanary(paused()))
                .when(new PromoteRollout(GLOBAL, R1, "good enough", MANAGER))
                .expectEvents(new RolloutPromoted(GLOBAL, R1, CANDIDATE, STABLE, "good enough", MANAGER.userId()));
    }

    @Test
    void aShadowingCandidateMayBePromotedByHand() {
        fixture.given(inShadow())
                .when(new PromoteRollout(GLOBAL, R1, "urgent switch", ADMIN))
                .expectEvents(new RolloutPromoted(GLOBAL, R1, CANDIDATE, STABLE, "urgent switch", ADMIN.userId()));
    }

    @Test
    void aPromotionByHandSaysWhy() {
        fixture.given(inCanary())
                .when(new PromoteRollout(GLOBAL, R1, " ", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void aRolloutIsAbortedByHand() {
        fixture.given(inCanary(advanced(1, 25)))
                .when(new AbortRollout(GLOBAL, R1, "wrong candidate", MANAGER))
                .expectEvents(new RolloutAborted(GLOBAL, R1, CANDIDATE, "wrong candidate", MANAGER.userId()));
    }

    @Test
    void aPausedRolloutMayBeAborted() {
        fixture.given(inCanary(paused()))
                .when(new AbortRollout(GLOBAL, R1, "wrong candidate", ADMIN))
                .expectEvents(new RolloutAborted(GLOBAL, R1, CANDIDATE, "wrong candidate", ADMIN.userId()));
    }

    @Test
    void anAbortSaysWhy() {
        fixture.given(inCanary())
                .when(new AbortRollout(GLOBAL, R1, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void endingTheShadowPhaseMovesIntoTheFirstCanaryStep() {
        fixture.given(inShadow())
                .when(new EndShadowPhase(GLOBAL, R1, Actor.system()))
                .expectEvents(advanced(1, 5));
    }

    @Test
    void afterTheShadowPhaseTheFirstCanaryStepIsAnalysed() {
        fixture.given(inShadow(advanced(1, 5)))
                .when(new AnalyzeRollout(GLOBAL, R1, 1, healthy(), healthy(), Actor.system()))
                .expectEvents(new RolloutAnalyzed(GLOBAL, R1, 1, RolloutPhase.CANARY, healthy(), healthy(), healthyResults(),
                                Verdict.ADVANCE, "every gate passed (6 gated) at step 1 (weight 5); advancing to step 2 (weight 25)",
                                "system"),
                        advanced(2, 25));
    }

    @Test
    void onlyAShadowingRolloutEndsItsShadowPhase() {
        fixture.given(inCanary())
                .when(new EndShadowPhase(GLOBAL, R1, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "shadow"));
    }

    @Test
    void aPausedShadowPhaseDoesNotEnd() {
        fixture.given(inShadow(paused()))
                .when(new EndShadowPhase(GLOBAL, R1, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "not-paused"));
    }

    static Stream<Arguments> steering() {
        return Stream.of(
                Arguments.of("pause", (Function<String, Object>) id -> new PauseRollout(GLOBAL, id, null, ADMIN)),
                Arguments.of("resume", (Function<String, Object>) id -> new ResumeRollout(GLOBAL, id, ADMIN)),
                Arguments.of("promote", (Function<String, Object>) id -> new PromoteRollout(GLOBAL, id, "why", ADMIN)),
                Arguments.of("abort", (Function<String, Object>) id -> new AbortRollout(GLOBAL, id, "why", ADMIN)),
                Arguments.of("end shadow", (Function<String, Object>) id -> new EndShadowPhase(GLOBAL, id, ADMIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steering")
    void noRolloutIsSteeredWhenNoneIsInProgress(String name, Function<String, Object> command) {
        fixture.given(created())
                .when(command.apply(R1))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "in-progress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steering")
    void aFinishedRolloutIsSteeredNoMore(String name, Function<String, Object> command) {
        fixture.given(inShadow(new RolloutAborted(GLOBAL, R1, CANDIDATE, "stop", ADMIN.userId())))
                .when(command.apply(R1))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "in-progress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steering")
    void onlyTheRolloutInProgressIsSteered(String name, Function<String, Object> command) {
        fixture.given(inShadow())
                .when(command.apply("r0"))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "in-progress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steering")
    void aRolloutIsSteeredByItsId(String name, Function<String, Object> command) {
        fixture.given(inShadow())
                .when(command.apply(" "))
                .expectNoEvents()
                .expectException(Rejected.invalid("rolloutId", "required"));
    }
}
