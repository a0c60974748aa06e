package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.advanced;
import static io.storyteller.domain.deployment.DeploymentExamples.canary;
import static io.storyteller.domain.deployment.DeploymentExamples.created;
import static io.storyteller.domain.deployment.DeploymentExamples.healthy;
import static io.storyteller.domain.deployment.DeploymentExamples.healthyResults;
import static io.storyteller.domain.deployment.DeploymentExamples.inCanary;
import static io.storyteller.domain.deployment.DeploymentExamples.inShadow;
import static io.storyteller.domain.deployment.DeploymentExamples.paused;
import static io.storyteller.domain.deployment.DeploymentExamples.started;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyzingARolloutTest {

    private static final Actor SYSTEM = Actor.system();

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    private static RolloutAnalyzed analyzed(int step, RolloutPhase phase, ArmMetrics candidate, List<GateResult> results,
            Verdict verdict, String rationale) {
        return new RolloutAnalyzed(GLOBAL, R1, step, phase, healthy(), candidate, results, verdict, rationale, "system");
    }

    @Test
    void aCanaryStepThatKeepsEveryGateAdvancesToTheNext() {
        String rationale = "every gate passed (6 gated) at step 0 (weight 5); advancing to step 1 (weight 25)";
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.CANARY, healthy(), healthyResults(), Verdict.ADVANCE, rationale),
                        advanced(1, 25));
    }

    @Test
    void theLastStepThatKeepsEveryGatePromotesTheCandidate() {
        String rationale = "every gate passed (6 gated) at step 3 (weight 100), the last; promoting";
        fixture.given(inCanary(advanced(1, 25), advanced(2, 50), advanced(3, 100)))
                .when(new AnalyzeRollout(GLOBAL, R1, 3, healthy(), healthy(), SYSTEM))
                .expectEvents(analyzed(3, RolloutPhase.CANARY, healthy(), healthyResults(), Verdict.PROMOTE, rationale),
                        new RolloutPromoted(GLOBAL, R1, CANDIDATE, STABLE, rationale, "system"));
    }

    @Test
    void aShadowPhaseThatKeepsEveryGateMovesIntoTheFirstCanaryStep() {
        String rationale = "every gate passed (6 gated) at step 0 (weight 0); advancing to step 1 (weight 5)";
        fixture.given(inShadow())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(200), SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.SHADOW, healthy(200), healthyResults(), Verdict.ADVANCE, rationale),
                        advanced(1, 5));
    }

    @Test
    void theShadowPhaseHoldsUntilItsMirroredRequestsAreIn() {
        fixture.given(inShadow())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(199), SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.SHADOW, healthy(199), List.of(), Verdict.HOLD,
                        "inconclusive: the candidate arm has 199 of 200 samples needed"));
    }

    @Test
    void tooFewStableSamplesHoldTheStep() {
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(99), healthy(), SYSTEM))
                .expectEvents(new RolloutAnalyzed(GLOBAL, R1, 0, RolloutPhase.CANARY, healthy(99), healthy(), List.of(),
                        Verdict.HOLD, "inconclusive: the stable arm has 99 of 100 samples needed", "system"));
    }

    @Test
    void tooFewCandidateSamplesHoldTheStepEvenWhenAGateLooksBroken() {
        ArmMetrics fewAndFailing = new ArmMetrics(99, 1.0, 1500, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), fewAndFailing, SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.CANARY, fewAndFailing, List.of(), Verdict.HOLD,
                        "inconclusive: the candidate arm has 99 of 100 samples needed"));
    }

    @Test
    void aGatedRatingHoldsTheStepUntilTheCandidateIsRated() {
        ArmMetrics unrated = new ArmMetrics(100, 0.0625, 1500, 0.03125, 0.25, null, new BigDecimal("0.004"));
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), unrated, SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.CANARY, unrated, List.of(), Verdict.HOLD,
                        "inconclusive: the candidate has no rating yet"));
    }

    @Test
    void aHeldStepIsAnalysedAgain() {
        fixture.given(inCanary(analyzed(0, RolloutPhase.CANARY, healthy(99), List.of(), Verdict.HOLD, "inconclusive")))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.CANARY, healthy(), healthyResults(), Verdict.ADVANCE,
                                "every gate passed (6 gated) at step 0 (weight 5); advancing to step 1 (weight 25)"),
                        advanced(1, 25));
    }

    static Stream<Arguments> eachGate() {
        ArmMetrics h = healthy();
        return Stream.of(
                Arguments.of(Gate.ERROR_RATE, new ArmMetrics(100, 0.25, 1500, 0.03125, 0.25, 4.0, h.costPerBeat()),
                        new GateResult(Gate.ERROR_RATE, 0.125, 0.0625, 0.125, 0.25, false), "ERROR_RATE 0.25 above limit 0.125"),
                Arguments.of(Gate.LATENCY_P95, new ArmMetrics(100, 0.0625, 2001, 0.03125, 0.25, 4.0, h.costPerBeat()),
                        new GateResult(Gate.LATENCY_P95, 2000, 1500.0, 2000, 2001.0, false), "LATENCY_P95 2001 above limit 2000"),
                Arguments.of(Gate.GUARDRAIL_BLOCK_RATE, new ArmMetrics(100, 0.0625, 1500, 0.125, 0.25, 4.0, h.costPerBeat()),
                        new GateResult(Gate.GUARDRAIL_BLOCK_RATE, 0.0625, 0.03125, 0.0625, 0.125, false),
                        "GUARDRAIL_BLOCK_RATE 0.125 above limit 0.0625"),
                Arguments.of(Gate.DETECTOR_SCORE, new ArmMetrics(100, 0.0625, 1500, 0.03125, 0.75, 4.0, h.costPerBeat()),
                        new GateResult(Gate.DETECTOR_SCORE, 0.5, 0.25, 0.5, 0.75, false), "DETECTOR_SCORE 0.75 above limit 0.5"),
                Arguments.of(Gate.RATING, new ArmMetrics(100, 0.0625, 1500, 0.03125, 0.25, 3.0, h.costPerBeat()),
                        new GateResult(Gate.RATING, 3.5, 4.0, 3.5, 3.0, false), "RATING 3 below limit 3.5"),
                Arguments.of(Gate.COST_PER_BEAT, new ArmMetrics(100, 0.0625, 1500, 0.03125, 0.25, 4.0, new BigDecimal("0.02")),
                        new GateResult(Gate.COST_PER_BEAT, 0.01, 0.004, 0.01, 0.02, false), "COST_PER_BEAT 0.02 above limit 0.01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachGate")
    void aFailedGateRollsTheCandidateBack(Gate gate, ArmMetrics candidate, GateResult failure, String description) {
        List<GateResult> results = new ArrayList<>(healthyResults());
        results.set(gate.ordinal(), failure);
        String rationale = "gate failed: " + description;
        fixture.given(inCanary(advanced(1, 25)))
                .when(new AnalyzeRollout(GLOBAL, R1, 1, healthy(), candidate, SYSTEM))
                .expectEvents(analyzed(1, RolloutPhase.CANARY, candidate, results, Verdict.ROLLBACK, rationale),
                        new RolloutRolledBack(GLOBAL, R1, CANDIDATE, rationale, "system"));
    }

    @Test
    void aShadowPhaseThatFailsAGateRollsBackBeforeAnyPlayerSeesTheCandidate() {
        ArmMetrics erring = new ArmMetrics(200, 0.25, 1500, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
        List<GateResult> results = new ArrayList<>(healthyResults());
        results.set(0, new GateResult(Gate.ERROR_RATE, 0.125, 0.0625, 0.125, 0.25, false));
        String rationale = "gate failed: ERROR_RATE 0.25 above limit 0.125";
        fixture.given(inShadow())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), erring, SYSTEM))
                .expectEvents(analyzed(0, RolloutPhase.SHADOW, erring, results, Verdict.ROLLBACK, rationale),
                        new RolloutRolledBack(GLOBAL, R1, CANDIDATE, rationale, "system"));
    }

    @Test
    void aCandidateWorseThanTheStableBeyondTheToleranceRollsBackThoughWithinTheThreshold() {
        RolloutGates relative = new RolloutGates(null, 2000L, null, null, null, null, 0.25);
        ArmMetrics stable = new ArmMetrics(100, 0.0625, 1000, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
        ArmMetrics slower = new ArmMetrics(100, 0.0625, 1251, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
        GateResult failure = new GateResult(Gate.LATENCY_P95, 2000, 1000.0, 1250, 1251.0, false);
        String rationale = "gate failed: LATENCY_P95 1251 above limit 1250";
        fixture.given(created(started(canary(relative))))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, stable, slower, SYSTEM))
                .expectEvents(new RolloutAnalyzed(GLOBAL, R1, 0, RolloutPhase.CANARY, stable, slower, List.of(failure),
                                Verdict.ROLLBACK, rationale, "system"),
                        new RolloutRolledBack(GLOBAL, R1, CANDIDATE, rationale, "system"));
    }

    @Test
    void aCandidateWorseThanTheStableWithinTheToleranceAdvances() {
        RolloutGates relative = new RolloutGates(null, 2000L, null, null, null, null, 0.25);
        ArmMetrics stable = new ArmMetrics(100, 0.0625, 1000, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
        ArmMetrics slower = new ArmMetrics(100, 0.0625, 1250, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
        fixture.given(created(started(canary(relative))))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, stable, slower, SYSTEM))
                .expectEvents(new RolloutAnalyzed(GLOBAL, R1, 0, RolloutPhase.CANARY, stable, slower,
                                List.of(new GateResult(Gate.LATENCY_P95, 2000, 1000.0, 1250, 1250.0, true)), Verdict.ADVANCE,
                                "every gate passed (1 gated) at step 0 (weight 5); advancing to step 1 (weight 25)", "system"),
                        advanced(1, 25));
    }

    @Test
    void anUngatedRolloutAdvancesOnSamplesAlone() {
        ArmMetrics unrated = new ArmMetrics(100, 0.5, 9000, 0.5, 1.0, null, new BigDecimal("1"));
        fixture.given(created(started(canary(RolloutGates.none()))))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), unrated, SYSTEM))
                .expectEvents(new RolloutAnalyzed(GLOBAL, R1, 0, RolloutPhase.CANARY, healthy(), unrated, List.of(),
                                Verdict.ADVANCE, "every gate passed (0 gated) at step 0 (weight 5); advancing to step 1 (weight 25)", "system"),
                        advanced(1, 25));
    }

    @Test
    void theModelManagerMayAnalyseToo() {
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAnalysisOfAnEarlierStepIsStale() {
        fixture.given(inCanary(advanced(1, 25)))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("step", "current"));
    }

    @Test
    void anAnalysisOfALaterStepIsRefused() {
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 1, healthy(), healthy(), SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("step", "current"));
    }

    @Test
    void aPausedRolloutIsNotAnalysed() {
        fixture.given(inCanary(paused()))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "not-paused"));
    }

    @Test
    void noAnalysisWithoutARolloutInProgress() {
        fixture.given(created())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "in-progress"));
    }

    @Test
    void anAnalysisOfAFinishedRolloutIsRefused() {
        fixture.given(inCanary(new RolloutRolledBack(GLOBAL, R1, CANDIDATE, "gate failed", "system")))
                .when(new AnalyzeRollout(GLOBAL, R1, 0, healthy(), healthy(), SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "in-progress"));
    }

    @Test
    void anAnalysisOfAnotherRolloutIsRefused() {
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, "r0", 0, healthy(), healthy(), SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "in-progress"));
    }

    static Stream<Arguments> brokenMetrics() {
        ArmMetrics h = healthy();
        BigDecimal cost = h.costPerBeat();
        return Stream.of(
                Arguments.of("stable", "required", null, h),
                Arguments.of("candidate", "required", h, null),
                Arguments.of("stable.samples", "non-negative", new ArmMetrics(-1, 0, 0, 0, 0, null, cost), h),
                Arguments.of("candidate.errorRate", "range:0..1", h, new ArmMetrics(100, 1.5, 0, 0, 0, null, cost)),
                Arguments.of("candidate.latencyP95Millis", "non-negative", h, new ArmMetrics(100, 0, -1, 0, 0, null, cost)),
                Arguments.of("candidate.guardrailBlockRate", "range:0..1", h, new ArmMetrics(100, 0, 0, -0.1, 0, null, cost)),
                Arguments.of("candidate.detectorScore", "range:0..1", h, new ArmMetrics(100, 0, 0, 0, Double.NaN, null, cost)),
                Arguments.of("candidate.rating", "range:1..5", h, new ArmMetrics(100, 0, 0, 0, 0, 0.0, cost)),
                Arguments.of("stable.rating", "range:1..5", new ArmMetrics(100, 0, 0, 0, 0, 5.5, cost), h),
                Arguments.of("candidate.costPerBeat", "required", h, new ArmMetrics(100, 0, 0, 0, 0, null, null)),
                Arguments.of("candidate.costPerBeat", "non-negative", h, new ArmMetrics(100, 0, 0, 0, 0, null, new BigDecimal("-1"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenMetrics")
    void metricsAreWhatTheyClaimToBe(String field, String rule, ArmMetrics stable, ArmMetrics candidate) {
        fixture.given(inCanary())
                .when(new AnalyzeRollout(GLOBAL, R1, 0, stable, candidate, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }
}
