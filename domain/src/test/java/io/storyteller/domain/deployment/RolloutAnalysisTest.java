package io.storyteller.domain.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutAnalysisTest {

    private static final RolloutGates GATES = new RolloutGates(0.1, null, null, null, 3.0, null, null);
    private static final RolloutStrategy CANARY = new RolloutStrategy(null, List.of(10, 100), Duration.ofMinutes(5), 50, GATES);
    private static final RolloutStrategy SHADOW = new RolloutStrategy(new ShadowPhase(null, 80), List.of(10, 100),
            Duration.ofMinutes(5), 50, GATES);

    private static ArmMetrics arm(long samples, double errorRate, Double rating) {
        return new ArmMetrics(samples, errorRate, 900, 0, 0, rating, BigDecimal.ZERO);
    }

    @Test
    void exactlyTheMinimumSamplesAreEnough() {
        assertThat(RolloutAnalysis.of(CANARY, 0, arm(50, 0, 4.0), arm(50, 0, 4.0)).verdict()).isEqualTo(Verdict.ADVANCE);
    }

    @Test
    void oneSampleShortOnEitherArmHolds() {
        assertThat(RolloutAnalysis.of(CANARY, 0, arm(49, 0, 4.0), arm(50, 0, 4.0)))
                .isEqualTo(new RolloutAnalysis(Verdict.HOLD, List.of(), "inconclusive: the stable arm has 49 of 50 samples needed"));
        assertThat(RolloutAnalysis.of(CANARY, 0, arm(50, 0, 4.0), arm(49, 0, 4.0)))
                .isEqualTo(new RolloutAnalysis(Verdict.HOLD, List.of(), "inconclusive: the candidate arm has 49 of 50 samples needed"));
    }

    @Test
    void tooFewSamplesHoldEvenOverAFailingGate() {
        assertThat(RolloutAnalysis.of(CANARY, 0, arm(50, 0, 4.0), arm(10, 1, 1.0)).verdict()).isEqualTo(Verdict.HOLD);
    }

    @Test
    void inTheShadowPhaseTheCandidateNeedsItsMirroredRequests() {
        assertThat(SHADOW.candidateSamplesAt(0)).isEqualTo(80);
        assertThat(SHADOW.candidateSamplesAt(1)).isEqualTo(50);
        assertThat(RolloutAnalysis.of(SHADOW, 0, arm(50, 0, 4.0), arm(79, 0, 4.0)).rationale())
                .isEqualTo("inconclusive: the candidate arm has 79 of 80 samples needed");
        assertThat(RolloutAnalysis.of(SHADOW, 0, arm(50, 0, 4.0), arm(80, 0, 4.0)).rationale())
                .isEqualTo("every gate passed (2 gated) at step 0 (weight 0); advancing to step 1 (weight 10)");
    }

    @Test
    void fewerMirroredRequestsThanMinimumSamplesStillNeedTheMinimum() {
        RolloutStrategy shortShadow = new RolloutStrategy(new ShadowPhase(null, 10), List.of(100), Duration.ofMinutes(5), 50, GATES);
        assertThat(shortShadow.candidateSamplesAt(0)).isEqualTo(50);
        RolloutStrategy timedShadow = new RolloutStrategy(new ShadowPhase(Duration.ofHours(1), null), List.of(100),
                Duration.ofMinutes(5), 50, GATES);
        assertThat(timedShadow.candidateSamplesAt(0)).isEqualTo(50);
    }

    @Test
    void aGatedRatingWaitsForTheCandidatesFirstRating() {
        assertThat(RolloutAnalysis.of(CANARY, 0, arm(50, 0, 4.0), arm(50, 0, null)))
                .isEqualTo(new RolloutAnalysis(Verdict.HOLD, List.of(), "inconclusive: the candidate has no rating yet"));
    }

    @Test
    void anUngatedRatingNeedsNone() {
        RolloutStrategy unrated = new RolloutStrategy(null, List.of(100), Duration.ofMinutes(5), 50,
                new RolloutGates(0.1, null, null, null, null, null, null));
        assertThat(RolloutAnalysis.of(unrated, 0, arm(50, 0, null), arm(50, 0, null)).verdict()).isEqualTo(Verdict.PROMOTE);
    }

    @Test
    void anyFailedGateRollsBackNamingEveryFailure() {
        RolloutAnalysis analysis = RolloutAnalysis.of(CANARY, 1, arm(50, 0, 4.0), arm(50, 0.2, 2.5));
        assertThat(analysis.verdict()).isEqualTo(Verdict.ROLLBACK);
        assertThat(analysis.results()).extracting(GateResult::passed).containsExactly(false, false);
        assertThat(analysis.rationale())
                .isEqualTo("gate failed: ERROR_RATE 0.2 above limit 0.1; RATING 2.5 below limit 3");
    }

    @Test
    void passingBeforeTheLastStepAdvances() {
        RolloutAnalysis analysis = RolloutAnalysis.of(CANARY, 0, arm(50, 0, 4.0), arm(50, 0.1, 3.0));
        assertThat(analysis.verdict()).isEqualTo(Verdict.ADVANCE);
        assertThat(analysis.results()).hasSize(2).allMatch(GateResult::passed);
        assertThat(analysis.rationale())
                .isEqualTo("every gate passed (2 gated) at step 0 (weight 10); advancing to step 1 (weight 100)");
    }

    @Test
    void passingAtTheLastStepPromotes() {
        assertThat(RolloutAnalysis.of(CANARY, 1, arm(50, 0, 4.0), arm(50, 0, 4.0)).rationale())
                .isEqualTo("every gate passed (2 gated) at step 1 (weight 100), the last; promoting");
        assertThat(RolloutAnalysis.of(CANARY, 1, arm(50, 0, 4.0), arm(50, 0, 4.0)).verdict()).isEqualTo(Verdict.PROMOTE);
    }

    @Test
    void aSingleStepPlanWithShadowPromotesFromItsOnlyCanaryStep() {
        RolloutStrategy straight = new RolloutStrategy(new ShadowPhase(null, 50), List.of(100), Duration.ofMinutes(5), 50, GATES);
        assertThat(RolloutAnalysis.of(straight, 0, arm(50, 0, 4.0), arm(50, 0, 4.0)).verdict()).isEqualTo(Verdict.ADVANCE);
        assertThat(RolloutAnalysis.of(straight, 1, arm(50, 0, 4.0), arm(50, 0, 4.0)).verdict()).isEqualTo(Verdict.PROMOTE);
    }
}
