package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Quantities;

/**
 * One gate's outcome: the configured {@code threshold}, the stable arm's value ({@code baseline},
 * null when it has none, e.g. no rating), the {@code limit} the candidate had to keep (the stricter
 * of threshold and baseline with tolerance), what the candidate showed ({@code observed}), and
 * whether it passed (a missing observation, e.g. no rating, does not). Costs are in USD per beat.
 */
public record GateResult(Gate gate,
        double threshold,
        Double baseline,
        double limit,
        Double observed,
        boolean passed) {

    /** E.g. {@code ERROR_RATE 0.25 above limit 0.125}. */
    public String describe() {
        String side = gate == Gate.RATING ? (passed ? "at or above" : "below") : (passed ? "within" : "above");
        String value = observed == null ? "none" : Quantities.plain(observed);
        return gate + " " + value + " " + side + " limit " + Quantities.plain(limit);
    }
}
