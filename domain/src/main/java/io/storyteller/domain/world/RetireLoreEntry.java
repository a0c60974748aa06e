package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a lore entry: it no longer feeds narration. */
public record RetireLoreEntry(@TargetAggregateIdentifier String worldId,
        String loreEntryId,
        Actor actor) {
}
