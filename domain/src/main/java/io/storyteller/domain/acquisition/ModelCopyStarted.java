package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;

/** A named copy of a model version began. */
public record ModelCopyStarted(String copyModelId,
        ModelRef source,
        String name,
        ModelCopyMethod method,
        String startedBy) {
}
