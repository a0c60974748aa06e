package io.storyteller.domain.finetuning;

/** Where a fine-tuning gave up, why, and after how many attempts of that step. */
public record FineTuningFailure(FineTuningStep step,
        String reason,
        int attempts) {
}
