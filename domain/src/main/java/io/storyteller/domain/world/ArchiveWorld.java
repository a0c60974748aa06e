package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archives a world: it accepts no more changes and no new stories. */
public record ArchiveWorld(@TargetAggregateIdentifier String worldId,
        Actor actor) {
}
