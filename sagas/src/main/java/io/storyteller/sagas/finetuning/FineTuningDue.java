package io.storyteller.sagas.finetuning;

import io.storyteller.domain.finetuning.FineTuningStep;

/**
 * The payload of a fine-tuning's deadline: the step and attempt it was scheduled for, so a deadline
 * that outlived them is recognised and ignored.
 * <p>
 * Stored by the deadline scheduler as JSON under this class name: renaming it strands pending deadlines.
 */
public record FineTuningDue(FineTuningStep step,
        int attempt) {
}
