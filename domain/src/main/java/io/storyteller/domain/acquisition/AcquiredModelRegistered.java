package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;

/** The verified files are a version in the model registry. */
public record AcquiredModelRegistered(String acquisitionId,
        ModelRef model) {
}
