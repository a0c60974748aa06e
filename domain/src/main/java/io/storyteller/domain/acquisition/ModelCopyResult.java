package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;

/** The copy as registered, and how it was made. */
public record ModelCopyResult(ModelRef copy,
        ModelRef source,
        ModelCopyMethod method) {
}
