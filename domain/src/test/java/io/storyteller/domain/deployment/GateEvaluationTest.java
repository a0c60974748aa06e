package io.storyteller.domain.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateEvaluationTest {

    private static ArmMetrics arm(double errorRate, long latency, double guardrail, double detector, Double rating, String cost) {
        return new ArmMetrics(100, errorRate, latency, guardrail, detector, rating, new BigDecimal(cost));
    }

    private static ArmMetrics errors(double errorRate) {
        return arm(errorRate, 1000, 0, 0, 4.0, "0.004");
    }

    private static RolloutGates errorGate(double max, Double tolerance) {
        return new RolloutGates(max, null, null, null, null, null, tolerance);
    }

    private static GateResult only(RolloutGates gates, ArmMetrics stable, ArmMetrics candidate) {
        List<GateResult> results = GateEvaluation.evaluate(gates, stable, candidate);
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    @Test
    void aCandidateAtTheThresholdPassesAndJustAboveItFails() {
        assertThat(only(errorGate(0.05, null), errors(0.01), errors(0.05)))
                .isEqualTo(new GateResult(Gate.ERROR_RATE, 0.05, 0.01, 0.05, 0.05, true));
        assertThat(only(errorGate(0.05, null), errors(0.01), errors(0.0501)).passed()).isFalse();
    }

    @Test
    void withToleranceTheCandidateMayBeWorseThanTheStableByThatFractionOfIt() {
        // 0.02 * (1 + 0.1) = 0.022, exactly, in decimal
        assertThat(only(errorGate(0.05, 0.1), errors(0.02), errors(0.022)))
                .isEqualTo(new GateResult(Gate.ERROR_RATE, 0.05, 0.02, 0.022, 0.022, true));
        assertThat(only(errorGate(0.05, 0.1), errors(0.02), errors(0.0221)).passed()).isFalse();
    }

    @Test
    void theThresholdStillBindsWhenTheStableIsPoor() {
        // 0.048 * 1.25 = 0.06, above the threshold 0.05
        GateResult result = only(errorGate(0.05, 0.25), errors(0.048), errors(0.055));
        assertThat(result.limit()).isEqualTo(0.05);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void aStableValueOfZeroGivesTheToleranceNoScaleSoOnlyTheThresholdApplies() {
        assertThat(only(errorGate(0.05, 0.1), errors(0), errors(0.05)))
                .isEqualTo(new GateResult(Gate.ERROR_RATE, 0.05, 0.0, 0.05, 0.05, true));
    }

    @Test
    void aToleranceOfZeroMeansNoWorseThanTheStable() {
        assertThat(only(errorGate(0.05, 0.0), errors(0.02), errors(0.02)).passed()).isTrue();
        assertThat(only(errorGate(0.05, 0.0), errors(0.02), errors(0.0201)).passed()).isFalse();
    }

    @Test
    void latencyIsGatedInMilliseconds() {
        RolloutGates gates = new RolloutGates(null, 2000L, null, null, null, null, 0.1);
        assertThat(only(gates, arm(0, 1000, 0, 0, null, "0"), arm(0, 1100, 0, 0, null, "0")))
                .isEqualTo(new GateResult(Gate.LATENCY_P95, 2000, 1000.0, 1100, 1100.0, true));
        assertThat(only(gates, arm(0, 1000, 0, 0, null, "0"), arm(0, 1101, 0, 0, null, "0")).passed()).isFalse();
    }

    @Test
    void guardrailBlocksAndDetectorScoresAreLowerIsBetter() {
        RolloutGates gates = new RolloutGates(null, null, 0.1, 0.5, null, null, null);
        List<GateResult> results = GateEvaluation.evaluate(gates, arm(0, 0, 0.05, 0.3, null, "0"),
                arm(0, 0, 0.1, 0.51, null, "0"));
        assertThat(results).containsExactly(
                new GateResult(Gate.GUARDRAIL_BLOCK_RATE, 0.1, 0.05, 0.1, 0.1, true),
                new GateResult(Gate.DETECTOR_SCORE, 0.5, 0.3, 0.5, 0.51, false));
    }

    @ParameterizedTest
    @CsvSource({
            "3.5, , 3.5, 3.5, true",
            "3.5, , 3.4, 3.5, false",
            "3.5, 0.1, 3.6, 3.6, true",
            "3.5, 0.1, 3.59, 3.6, false",
            "3.0, 0.5, 3.0, 3.0, true"})
    void aRatingMustStayAtOrAboveTheLimit(double min, Double tolerance, double observed, double limit, boolean passed) {
        // stable rating 4: with tolerance 0.1 the candidate may drop to 4 * 0.9 = 3.6; with 0.5 to 2, below the threshold
        RolloutGates gates = new RolloutGates(null, null, null, null, min, null, tolerance);
        assertThat(only(gates, arm(0, 0, 0, 0, 4.0, "0"), arm(0, 0, 0, 0, observed, "0")))
                .isEqualTo(new GateResult(Gate.RATING, min, 4.0, limit, observed, passed));
    }

    @Test
    void anUnratedStableLeavesOnlyTheRatingThreshold() {
        RolloutGates gates = new RolloutGates(null, null, null, null, 3.5, null, 0.1);
        assertThat(only(gates, arm(0, 0, 0, 0, null, "0"), arm(0, 0, 0, 0, 3.5, "0")))
                .isEqualTo(new GateResult(Gate.RATING, 3.5, null, 3.5, 3.5, true));
    }

    @Test
    void anUnratedCandidateFailsAGatedRating() {
        RolloutGates gates = new RolloutGates(null, null, null, null, 3.5, null, null);
        GateResult result = only(gates, arm(0, 0, 0, 0, 4.0, "0"), arm(0, 0, 0, 0, null, "0"));
        assertThat(result).isEqualTo(new GateResult(Gate.RATING, 3.5, 4.0, 3.5, null, false));
        assertThat(result.describe()).isEqualTo("RATING none below limit 3.5");
    }

    @Test
    void costsAreComparedInDecimal() {
        RolloutGates gates = new RolloutGates(null, null, null, null, null, new BigDecimal("0.01"), 0.1);
        // 0.004 * 1.1 = 0.0044
        assertThat(only(gates, arm(0, 0, 0, 0, null, "0.004"), arm(0, 0, 0, 0, null, "0.0044")))
                .isEqualTo(new GateResult(Gate.COST_PER_BEAT, 0.01, 0.004, 0.0044, 0.0044, true));
        assertThat(only(gates, arm(0, 0, 0, 0, null, "0.004"), arm(0, 0, 0, 0, null, "0.00441")).passed()).isFalse();
    }

    @Test
    void aFreeStableModelLeavesOnlyTheCostThreshold() {
        RolloutGates gates = new RolloutGates(null, null, null, null, null, new BigDecimal("0.01"), 0.1);
        assertThat(only(gates, arm(0, 0, 0, 0, null, "0"), arm(0, 0, 0, 0, null, "0.01")).passed()).isTrue();
    }

    @Test
    void ungatedMetricsAreNotEvaluatedAndTheRestComeInGateOrder() {
        assertThat(GateEvaluation.evaluate(RolloutGates.none(), errors(1), errors(1))).isEmpty();
        RolloutGates some = new RolloutGates(0.5, null, null, null, 1.0, new BigDecimal("1"), null);
        assertThat(GateEvaluation.evaluate(some, errors(0), errors(0))).extracting(GateResult::gate)
                .containsExactly(Gate.ERROR_RATE, Gate.RATING, Gate.COST_PER_BEAT);
    }

    @Test
    void aResultDescribesItselfInPlainNumbers() {
        assertThat(new GateResult(Gate.LATENCY_P95, 2000, 1000.0, 1250, 1300.0, false).describe())
                .isEqualTo("LATENCY_P95 1300 above limit 1250");
        assertThat(new GateResult(Gate.ERROR_RATE, 0.05, 0.0, 0.05, 0.01, true).describe())
                .isEqualTo("ERROR_RATE 0.01 within limit 0.05");
        assertThat(new GateResult(Gate.RATING, 3.5, 4.0, 3.5, 4.0, true).describe())
                .isEqualTo("RATING 4 at or above limit 3.5");
    }
}
