package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;

/**
 * The acquired version's evaluation is a validation against what its use case's slot serves, under
 * {@code validationId}: its result is the {@code ModelValidated} of that id on the model.
 */
public record AcquiredModelValidationRequested(String acquisitionId,
        String validationId,
        ModelRef model,
        UseCase useCase) {
}
