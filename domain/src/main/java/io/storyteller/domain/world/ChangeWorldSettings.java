package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a world's settings. */
public record ChangeWorldSettings(@TargetAggregateIdentifier String worldId,
        WorldSettings settings,
        Actor actor) {
}
