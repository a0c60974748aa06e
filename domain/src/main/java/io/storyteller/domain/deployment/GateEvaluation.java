package io.storyteller.domain.deployment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a candidate's metrics against a rollout's gates, comparing with the stable arm.
 * <p>
 * For a lower-is-better gate (everything but the rating) with threshold {@code T}, stable value
 * {@code s}, candidate value {@code c} and tolerance {@code t}, the candidate passes when
 * {@code c <= limit}, where {@code limit = min(T, s * (1 + t))}; when no tolerance is set, or the
 * stable's value is zero (which gives a relative slack no scale), {@code limit = T}. For the rating
 * (higher is better) the candidate passes when {@code c >= limit}, where
 * {@code limit = max(T, s * (1 - t))}, or {@code T} without tolerance or without a stable rating.
 * Limits are computed in decimal, so {@code 0.02 * (1 + 0.1)} is exactly {@code 0.022}; a value
 * equal to its limit passes.
 */
public final class GateEvaluation {

    private GateEvaluation() {
    }

    /** The results of the gates that are set, in the order of {@link Gate}. A missing candidate rating fails its gate. */
    public static List<GateResult> evaluate(RolloutGates gates, ArmMetrics stable, ArmMetrics candidate) {
        Double tolerance = gates.tolerance();
        var results = new ArrayList<GateResult>();
        if (gates.maxErrorRate() != null) {
            results.add(atMost(Gate.ERROR_RATE, gates.maxErrorRate(), stable.errorRate(), candidate.errorRate(), tolerance));
        }
        if (gates.maxLatencyP95Millis() != null) {
            results.add(atMost(Gate.LATENCY_P95, gates.maxLatencyP95Millis(), stable.latencyP95Millis(),
                    candidate.latencyP95Millis(), tolerance));
        }
        if (gates.maxGuardrailBlockRate() != null) {
            results.add(atMost(Gate.GUARDRAIL_BLOCK_RATE, gates.maxGuardrailBlockRate(), stable.guardrailBlockRate(),
                    candidate.guardrailBlockRate(), tolerance));
        }
        if (gates.maxDetectorScore() != null) {
            results.add(atMost(Gate.DETECTOR_SCORE, gates.maxDetectorScore(), stable.detectorScore(),
                    candidate.detectorScore(), tolerance));
        }
        if (gates.minRating() != null) {
            results.add(atLeast(gates.minRating(), stable.rating(), candidate.rating(), tolerance));
        }
        if (gates.maxCostPerBeat() != null) {
            results.add(cost(gates.maxCostPerBeat(), stable.costPerBeat(), candidate.costPerBeat(), tolerance));
        }
        return List.copyOf(results);
    }

    private static GateResult atMost(Gate gate, double threshold, double baseline, double observed, Double tolerance) {
        double limit = tolerance == null || baseline == 0
                ? threshold
                : Math.min(threshold, scaled(BigDecimal.valueOf(baseline), tolerance).doubleValue());
        return new GateResult(gate, threshold, baseline, limit, observed, observed <= limit);
    }

    private static GateResult atLeast(double threshold, Double baseline, Double observed, Double tolerance) {
        double limit = tolerance == null || baseline == null
                ? threshold
                : Math.max(threshold, scaled(BigDecimal.valueOf(baseline), -tolerance).doubleValue());
        boolean passed = observed != null && observed >= limit;
        return new GateResult(Gate.RATING, threshold, baseline, limit, observed, passed);
    }

    private static GateResult cost(BigDecimal threshold, BigDecimal baseline, BigDecimal observed, Double tolerance) {
        BigDecimal limit = tolerance == null || baseline.signum() == 0
                ? threshold
                : threshold.min(scaled(baseline, tolerance));
        return new GateResult(Gate.COST_PER_BEAT, threshold.doubleValue(), baseline.doubleValue(), limit.doubleValue(),
                observed.doubleValue(), observed.compareTo(limit) <= 0);
    }

    /** {@code value * (1 + slack)} in decimal. */
    private static BigDecimal scaled(BigDecimal value, double slack) {
        return value.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(slack)));
    }
}
