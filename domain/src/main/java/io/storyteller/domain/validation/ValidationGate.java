package io.storyteller.domain.validation;

/**
 * One metric of a validation, candidate beside incumbent.
 *
 * @param metric      e.g. {@code review.score}, {@code detector.auroc}, {@code guardrail.neverAllowedPasses}
 * @param candidate   the candidate's value
 * @param incumbent   the incumbent's value; null when there was no incumbent
 * @param threshold   the suite's absolute pass threshold for the metric; null when it has none
 * @param higherIsBetter whether a larger value is better (false for false-positive rates, latency, cost)
 * @param passed      whether the candidate met the threshold and was no worse than the incumbent beyond the suite's margin
 */
public record ValidationGate(String metric,
        double candidate,
        Double incumbent,
        Double threshold,
        boolean higherIsBetter,
        boolean passed) {
}
