package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a fine-tuning up at a step, after {@code attempts} attempts. */
public record FailFineTuning(@TargetAggregateIdentifier String fineTuningId,
        FineTuningStep step,
        String reason,
        int attempts,
        Actor actor) {
}
