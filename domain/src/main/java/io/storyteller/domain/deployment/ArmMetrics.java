package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Quantities;
import java.math.BigDecimal;

/**
 * What one arm of a rollout (or one evaluation) measured over a window: how many calls, the share
 * that failed, the 95th percentile latency, the share the guardrail blocked, the mean detector
 * score (0 human-like .. 1 machine-like), the mean review or player rating (1..5, null when none)
 * and the mean cost per beat in USD.
 */
public record ArmMetrics(long samples,
        double errorRate,
        long latencyP95Millis,
        double guardrailBlockRate,
        double detectorScore,
        Double rating,
        BigDecimal costPerBeat) {

    public ArmMetrics validated(String field) {
        return new ArmMetrics(Quantities.nonNegative(field + ".samples", samples),
                Quantities.between(field + ".errorRate", errorRate, 0, 1),
                Quantities.nonNegative(field + ".latencyP95Millis", latencyP95Millis),
                Quantities.between(field + ".guardrailBlockRate", guardrailBlockRate, 0, 1),
                Quantities.between(field + ".detectorScore", detectorScore, 0, 1),
                Quantities.optionalBetween(field + ".rating", rating, 1, 5),
                Quantities.nonNegative(field + ".costPerBeat", costPerBeat));
    }
}
