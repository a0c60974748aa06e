package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the registry version the verified files became. */
public record RecordAcquiredModel(@TargetAggregateIdentifier String acquisitionId,
        ModelRef model,
        Actor actor) {
}
