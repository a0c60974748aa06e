package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;

/**
 * The acquisition's last step: an evaluation of the new version is wanted, for {@code useCase}
 * (null: for whatever its kind can serve). The evaluation suites handle it; the acquisition is done.
 */
public record AcquiredModelEvaluationRequested(String acquisitionId,
        ModelRef model,
        UseCase useCase) {
}
