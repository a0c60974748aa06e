package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records which validation ({@code ValidateCandidate}) judges the acquired version; once per acquisition. */
public record RecordAcquiredModelValidation(@TargetAggregateIdentifier String acquisitionId,
        String validationId,
        Actor actor) {
}
