package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;

/** Lists a world's lore entries, if the viewer may see the world. */
public record FindLoreEntries(String worldId,
        Actor viewer,
        boolean includeRetired) {
}
