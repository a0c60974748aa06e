package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a training attempt began on its backend. */
public record RecordTrainingStart(@TargetAggregateIdentifier String fineTuningId,
        int attempt,
        Actor actor) {
}
