package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;

/** Asks where a model version comes from; a null version means the model's latest. Answers {@link ModelLineage}. */
public record FindModelLineage(String modelId,
        String version,
        Actor viewer) {
}
