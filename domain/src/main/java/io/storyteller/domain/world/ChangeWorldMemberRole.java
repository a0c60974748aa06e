package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a member's role. */
public record ChangeWorldMemberRole(@TargetAggregateIdentifier String worldId,
        String userId,
        WorldRole role,
        Actor actor) {
}
