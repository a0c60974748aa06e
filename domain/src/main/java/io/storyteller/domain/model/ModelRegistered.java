package io.storyteller.domain.model;

/** A model entered the registry; {@code discoveredBy} is null when it was registered by hand. */
public record ModelRegistered(String modelId,
        ModelSpec spec,
        ModelSource source,
        String discoveredBy,
        String registeredBy) {
}
