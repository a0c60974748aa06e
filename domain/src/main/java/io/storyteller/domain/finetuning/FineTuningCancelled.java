package io.storyteller.domain.finetuning;

/** The fine-tuning was stopped by {@code cancelledBy}. */
public record FineTuningCancelled(String fineTuningId,
        String reason,
        String cancelledBy) {
}
