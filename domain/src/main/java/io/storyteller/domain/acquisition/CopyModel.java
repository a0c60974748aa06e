package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;

/**
 * Copies a model version under a use-case name: its own registry entry {@code <provider>:<name>}
 * with lineage to {@code source}. Answers {@link ModelCopyResult}.
 */
public record CopyModel(ModelRef source,
        String name,
        Actor actor) {
}
