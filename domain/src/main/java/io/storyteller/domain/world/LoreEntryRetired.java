package io.storyteller.domain.world;

/** A lore entry was retired. */
public record LoreEntryRetired(String worldId,
        String loreEntryId,
        String retiredBy) {
}
