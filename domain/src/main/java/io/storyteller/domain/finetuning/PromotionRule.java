package io.storyteller.domain.finetuning;

import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.domain.validation.ValidationGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a validated candidate may be rolled out: it passed every gate and, when there is an
 * incumbent, {@code (wins − losses) / (wins + losses + ties) ≥ margin}. A margin of 0 thus means
 * "no worse on every gate and not more losses than wins"; a positive margin asks for a lead.
 * With no items compared the score is 0.
 */
public final class PromotionRule {

    public static final double MIN_MARGIN = -1;
    public static final double MAX_MARGIN = 1;

    private PromotionRule() {
    }

    public static PromotionDecision decide(ModelValidated validation, double margin) {
        List<String> reasons = new ArrayList<>();
        if (!validation.passed()) {
            if (validation.reasons().isEmpty()) {
                validation.gates().stream().filter(gate -> !gate.passed()).map(PromotionRule::failedGate).forEach(reasons::add);
                if (reasons.isEmpty()) {
                    reasons.add("the candidate did not pass validation");
                }
            } else {
                reasons.addAll(validation.reasons());
            }
        }
        Double score = null;
        if (validation.incumbent() != null) {
            int decided = validation.wins() + validation.losses() + validation.ties();
            score = decided == 0 ? 0.0 : (validation.wins() - validation.losses()) / (double) decided;
            if (score < margin) {
                reasons.add(String.format(Locale.ROOT,
                        "against %s the candidate scored %.3f (wins %d, losses %d, ties %d), below the margin %.3f",
                        validation.incumbent().label(), score, validation.wins(), validation.losses(), validation.ties(), margin));
            }
        }
        return new PromotionDecision(validation.validationId(), validation.candidate(), validation.incumbent(),
                validation.passed(), validation.wins(), validation.losses(), validation.ties(), score, margin,
                reasons.isEmpty(), reasons);
    }

    private static String failedGate(ValidationGate gate) {
        return String.format(Locale.ROOT, "gate %s failed: candidate %.4f, incumbent %s, threshold %s", gate.metric(),
                gate.candidate(), gate.incumbent() == null ? "none" : String.format(Locale.ROOT, "%.4f", gate.incumbent()),
                gate.threshold() == null ? "none" : String.format(Locale.ROOT, "%.4f", gate.threshold()));
    }
}
