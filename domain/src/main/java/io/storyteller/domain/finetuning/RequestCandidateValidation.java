package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the candidate's validation was asked for under {@code validationId} (a fresh one each attempt). */
public record RequestCandidateValidation(@TargetAggregateIdentifier String fineTuningId,
        String validationId,
        int attempt,
        Actor actor) {
}
