package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;

/** Lists the registry's models; each null criterion matches all. Answers a list of {@link ModelView}. */
public record FindModels(String provider,
        ModelKind kind,
        ModelStatus status,
        Actor viewer) {
}
