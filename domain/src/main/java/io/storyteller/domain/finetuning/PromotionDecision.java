package io.storyteller.domain.finetuning;

import io.storyteller.domain.model.ModelRef;
import java.util.List;

/**
 * What a validation said and what was decided on it.
 *
 * @param incumbent null when the slot had none: then {@code passed} alone decides
 * @param score     (wins − losses) / (wins + losses + ties); null without an incumbent
 * @param margin    the score the candidate needed
 * @param promote   whether it goes on to a rollout
 * @param reasons   why not, empty when promoted
 */
public record PromotionDecision(String validationId,
        ModelRef candidate,
        ModelRef incumbent,
        boolean passed,
        int wins,
        int losses,
        int ties,
        Double score,
        double margin,
        boolean promote,
        List<String> reasons) {

    public PromotionDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
