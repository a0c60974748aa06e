package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the validation's outcome and the promotion decision taken on it. */
public record RecordCandidateValidation(@TargetAggregateIdentifier String fineTuningId,
        PromotionDecision decision,
        Actor actor) {
}
