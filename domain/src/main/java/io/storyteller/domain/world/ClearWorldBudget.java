package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a world's spend limit; platform admins only. Clearing what is not set changes nothing. */
public record ClearWorldBudget(@TargetAggregateIdentifier String worldId,
        Actor actor) {
}
