package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the content of an active lore entry. */
public record ReviseLoreEntry(@TargetAggregateIdentifier String worldId,
        String loreEntryId,
        LoreContent content,
        Actor actor) {
}
