package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a member from a world. */
public record RemoveWorldMember(@TargetAggregateIdentifier String worldId,
        String userId,
        Actor actor) {
}
