package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.GuardrailAction;
import io.storyteller.domain.world.NarrationPolicy;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Chooses among a turn's judged candidates (every round so far). Pure.
 * <ol>
 *   <li>A candidate the rating allows and the detector does not flag is eligible; the eligible one
 *       with the highest review total wins.</li>
 *   <li>Otherwise, while rounds are left, regenerate with feedback — for flagged candidates always,
 *       for refused ones when the world's guardrail action is {@code REGENERATE}.</li>
 *   <li>When no round is left: re-rank — the allowed candidate the detector flags least wins; else,
 *       under {@code REDACT}, the best refused candidate is redacted; else the turn is refused.</li>
 * </ol>
 * Candidates that all failed (model errors, the deadline) refuse the turn at once: the player retries.
 */
public final class Selection {

    private static final Comparator<Judgement> BY_TOTAL =
            Comparator.comparingDouble((Judgement j) -> j.scores().total()).reversed()
                    .thenComparingInt(j -> j.draft().index());

    private Selection() {
    }

    public static Decision decide(List<Judgement> judged, NarrationPolicy policy, ContentRating rating, int round) {
        double threshold = policy.detectorThreshold();
        List<Judgement> answered = judged.stream().filter(Judgement::answered).toList();
        if (answered.isEmpty()) {
            return new Decision.Refuse("every candidate failed");
        }
        Optional<Judgement> best = answered.stream()
                .filter(j -> j.allowed() && !j.machineWritten(threshold)).min(BY_TOTAL);
        if (best.isPresent()) {
            long eligible = answered.stream().filter(j -> j.allowed() && !j.machineWritten(threshold)).count();
            return new Decision.Chosen(best.get(), String.format(Locale.ROOT,
                    "highest review total (%.3f) of %d eligible of %d candidates", best.get().scores().total(),
                    eligible, judged.size()));
        }
        boolean flagged = answered.stream().anyMatch(j -> j.allowed() && j.machineWritten(threshold));
        boolean refused = answered.stream().anyMatch(j -> !j.allowed());
        boolean regenerateRefused = refused && policy.guardrailAction() == GuardrailAction.REGENERATE;
        if (round < policy.maxTries() && (flagged || regenerateRefused)) {
            return new Decision.Regenerate(feedback(flagged, regenerateRefused ? breaches(answered) : null, rating));
        }
        Optional<Judgement> leastFlagged = answered.stream().filter(Judgement::allowed)
                .min(Comparator.comparingDouble((Judgement j) -> j.scores().detector()).thenComparing(BY_TOTAL));
        if (leastFlagged.isPresent()) {
            return new Decision.Chosen(leastFlagged.get(), String.format(Locale.ROOT,
                    "re-ranked: every allowed candidate read machine-written (threshold %.2f); the least so (%.3f) after %d round(s)",
                    threshold, leastFlagged.get().scores().detector(), round));
        }
        if (policy.guardrailAction() == GuardrailAction.REDACT) {
            return new Decision.Redact(answered.stream().min(BY_TOTAL).orElseThrow(),
                    "redacted: no candidate was allowed at " + rating + " as written");
        }
        return new Decision.Refuse("every candidate went beyond what the world's content rating (" + rating
                + ") allows: " + String.join(", ", breaches(answered)));
    }

    /** What became of each candidate once the turn is decided. */
    /** What became of a shadow call's answer: judged like a candidate, never in the running. */
    public static CandidateOutcome mirrored(Judgement judgement, double threshold) {
        CandidateOutcome outcome = outcome(judgement, null, threshold);
        return outcome == CandidateOutcome.OUTRANKED ? CandidateOutcome.MIRRORED : outcome;
    }

    public static CandidateOutcome outcome(Judgement judgement, Decision decision, double threshold) {
        if (decision instanceof Decision.Chosen chosen && chosen.winner() == judgement) {
            return CandidateOutcome.CHOSEN;
        }
        if (decision instanceof Decision.Redact redact && redact.candidate() == judgement) {
            return CandidateOutcome.CHOSEN_REDACTED;
        }
        if (!judgement.answered()) {
            return CandidateOutcome.FAILED;
        }
        if (!judgement.allowed()) {
            return CandidateOutcome.BLOCKED;
        }
        return judgement.machineWritten(threshold) ? CandidateOutcome.MACHINE_WRITTEN : CandidateOutcome.OUTRANKED;
    }

    static String feedback(boolean flagged, List<String> breaches, ContentRating rating) {
        StringBuilder why = new StringBuilder("Write your narration of the player's last action again.");
        if (flagged) {
            why.append(" The last attempt read as machine-written: avoid stock phrases and tidy summaries, vary the")
                    .append(" length of your sentences, stay concrete and in the world's own voice.");
        }
        if (breaches != null && !breaches.isEmpty()) {
            why.append(" The last attempt went beyond what this world's content rating (").append(rating)
                    .append(") allows: ").append(String.join(", ", breaches)).append(". Keep within the rating.");
        }
        return why.toString();
    }

    private static List<String> breaches(List<Judgement> answered) {
        TreeSet<String> breaches = new TreeSet<>();
        answered.stream().filter(j -> !j.allowed()).forEach(j -> breaches.addAll(j.scores().guardrail().breaches()));
        return List.copyOf(breaches);
    }
}
