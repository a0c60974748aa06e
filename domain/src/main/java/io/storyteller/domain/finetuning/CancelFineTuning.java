package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a fine-tuning that has not ended; a running training is interrupted. */
public record CancelFineTuning(@TargetAggregateIdentifier String fineTuningId,
        String reason,
        Actor actor) {
}
