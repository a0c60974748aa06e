package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces how a world's turns are narrated; for the world's owner and admins. */
public record SetNarrationPolicy(@TargetAggregateIdentifier String worldId,
        NarrationPolicy policy,
        Actor actor) {
}
