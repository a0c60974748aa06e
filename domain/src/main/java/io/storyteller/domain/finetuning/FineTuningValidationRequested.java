package io.storyteller.domain.finetuning;

import io.storyteller.domain.model.ModelRef;

/** The candidate's validation against the incumbent was asked for. */
public record FineTuningValidationRequested(String fineTuningId,
        String validationId,
        ModelRef candidate,
        int attempt) {
}
