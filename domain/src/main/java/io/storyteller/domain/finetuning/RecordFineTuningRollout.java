package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the candidate's rollout started on the slot. */
public record RecordFineTuningRollout(@TargetAggregateIdentifier String fineTuningId,
        String deploymentId,
        String rolloutId,
        Actor actor) {
}
