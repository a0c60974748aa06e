package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;

/** A named copy was not made; {@code reason} says why. */
public record ModelCopyFailed(String copyModelId,
        ModelRef source,
        String reason) {
}
