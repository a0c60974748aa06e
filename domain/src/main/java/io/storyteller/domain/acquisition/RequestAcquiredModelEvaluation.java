package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for the registered version to be evaluated for the acquisition's use case. */
public record RequestAcquiredModelEvaluation(@TargetAggregateIdentifier String acquisitionId,
        Actor actor) {
}
