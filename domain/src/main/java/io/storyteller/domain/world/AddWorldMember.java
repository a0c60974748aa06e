package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a member to a world. */
public record AddWorldMember(@TargetAggregateIdentifier String worldId,
        String userId,
        WorldRole role,
        Actor actor) {
}
