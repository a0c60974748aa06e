package io.storyteller.domain.finetuning;

/** The fine-tuning gave up at {@code step} after {@code attempts} attempts. */
public record FineTuningFailed(String fineTuningId,
        FineTuningStep step,
        String reason,
        int attempts) {
}
