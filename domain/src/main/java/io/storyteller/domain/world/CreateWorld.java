package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a world; the actor becomes its owner. */
public record CreateWorld(@TargetAggregateIdentifier String worldId,
        WorldSettings settings,
        Actor actor) {
}
