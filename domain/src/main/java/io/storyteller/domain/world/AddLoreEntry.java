package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a lore entry to a world. */
public record AddLoreEntry(@TargetAggregateIdentifier String worldId,
        String loreEntryId,
        LoreContent content,
        Actor actor) {
}
