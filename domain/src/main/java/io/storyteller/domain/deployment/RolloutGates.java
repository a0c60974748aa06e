package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Quantities;
import java.math.BigDecimal;

/**
 * The limits a candidate must keep at every step; each null is not gated. Each gate is absolute
 * (the candidate against the threshold) and, when {@code tolerance} is set, also relative: the
 * candidate may be worse than the stable model by at most that fraction of the stable's value.
 * See {@link GateEvaluation} for the exact rule.
 */
public record RolloutGates(Double maxErrorRate,
        Long maxLatencyP95Millis,
        Double maxGuardrailBlockRate,
        Double maxDetectorScore,
        Double minRating,
        BigDecimal maxCostPerBeat,
        Double tolerance) {

    /** No gate at all: only the sample floors decide. */
    public static RolloutGates none() {
        return new RolloutGates(null, null, null, null, null, null, null);
    }

    public RolloutGates validated(String field) {
        return new RolloutGates(
                Quantities.optionalBetween(field + ".maxErrorRate", maxErrorRate, 0, 1),
                maxLatencyP95Millis == null ? null : Quantities.nonNegative(field + ".maxLatencyP95Millis", maxLatencyP95Millis),
                Quantities.optionalBetween(field + ".maxGuardrailBlockRate", maxGuardrailBlockRate, 0, 1),
                Quantities.optionalBetween(field + ".maxDetectorScore", maxDetectorScore, 0, 1),
                Quantities.optionalBetween(field + ".minRating", minRating, 1, 5),
                maxCostPerBeat == null ? null : Quantities.nonNegative(field + ".maxCostPerBeat", maxCostPerBeat),
                Quantities.optionalBetween(field + ".tolerance", tolerance, 0, 1));
    }
}
