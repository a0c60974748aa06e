package io.storyteller.domain.world;

/** A lore entry was added. */
public record LoreEntryAdded(String worldId,
        String loreEntryId,
        LoreContent content,
        String addedBy) {
}
