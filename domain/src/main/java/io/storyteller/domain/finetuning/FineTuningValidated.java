package io.storyteller.domain.finetuning;

/** The candidate was validated; the decision says whether it goes on to a rollout, and why not if it does not. */
public record FineTuningValidated(String fineTuningId,
        PromotionDecision decision) {
}
