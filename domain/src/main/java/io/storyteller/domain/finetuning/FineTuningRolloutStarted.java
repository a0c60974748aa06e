package io.storyteller.domain.finetuning;

import io.storyteller.domain.model.ModelRef;

/** The candidate is being rolled out (shadow first): the fine-tuning's work is done. */
public record FineTuningRolloutStarted(String fineTuningId,
        ModelRef candidate,
        String deploymentId,
        String rolloutId) {
}
