package io.storyteller.domain.world;

/** A lore entry was revised. */
public record LoreEntryRevised(String worldId,
        String loreEntryId,
        LoreContent content,
        String revisedBy) {
}
