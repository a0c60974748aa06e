package io.storyteller.domain.deployment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The decision on one analysed rollout step, and the policy that makes it:
 * <ol>
 * <li>HOLD (inconclusive, no gate results) while the stable arm has fewer than {@code minSamples},
 *     the candidate fewer than it needs at the step ({@link RolloutStrategy#candidateSamplesAt}),
 *     or the rating is gated and the candidate has none yet;</li>
 * <li>else ROLLBACK when any gate fails ({@link GateEvaluation});</li>
 * <li>else PROMOTE at the last step, ADVANCE before it; from the shadow phase that is into the
 *     first canary step.</li>
 * </ol>
 * The rationale says why in words, for the audit trail.
 */
public record RolloutAnalysis(Verdict verdict,
        List<GateResult> results,
        String rationale) {

    public static RolloutAnalysis of(RolloutStrategy strategy, int step, ArmMetrics stable, ArmMetrics candidate) {
        if (stable.samples() < strategy.minSamples()) {
            return hold("the stable arm has " + stable.samples() + " of " + strategy.minSamples() + " samples needed");
        }
        long needed = strategy.candidateSamplesAt(step);
        if (candidate.samples() < needed) {
            return hold("the candidate arm has " + candidate.samples() + " of " + needed + " samples needed");
        }
        if (strategy.gates().minRating() != null && candidate.rating() == null) {
            return hold("the candidate has no rating yet");
        }
        List<GateResult> results = GateEvaluation.evaluate(strategy.gates(), stable, candidate);
        String failed = results.stream().filter(r -> !r.passed()).map(GateResult::describe)
                .collect(Collectors.joining("; "));
        if (!failed.isEmpty()) {
            return new RolloutAnalysis(Verdict.ROLLBACK, results, "gate failed: " + failed);
        }
        String passed = "every gate passed (" + results.size() + " gated) at step " + step + " (weight " + strategy.weightAt(step) + ")";
        if (step == strategy.lastStep()) {
            return new RolloutAnalysis(Verdict.PROMOTE, results, passed + ", the last; promoting");
        }
        return new RolloutAnalysis(Verdict.ADVANCE, results,
                passed + "; advancing to step " + (step + 1) + " (weight " + strategy.weightAt(step + 1) + ")");
    }

    private static RolloutAnalysis hold(String why) {
        return new RolloutAnalysis(Verdict.HOLD, List.of(), "inconclusive: " + why);
    }
}
