package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a model in the registry; its versions are added afterwards. {@code discoveredBy} names
 * the catalogue it was found in (e.g. {@code ollama-library}), null when registered by hand.
 */
public record RegisterModel(@TargetAggregateIdentifier String modelId,
        ModelSpec spec,
        ModelSource source,
        String discoveredBy,
        Actor actor) {
}
