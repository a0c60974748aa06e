package io.storyteller.domain.world;

import java.time.Instant;

/** A lore entry as its readers see it. */
public record LoreEntryView(String loreEntryId,
        String worldId,
        LoreContent content,
        boolean retired,
        int revision,
        Instant updatedAt) {
}
