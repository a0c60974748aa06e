package io.storyteller.ops.seed;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.WorldSettings;
import java.util.List;

/** The shape of a seed world file: a world's settings and its lore, written for the project. */
record SeedWorldFile(String worldId, WorldSettings settings, List<SeedLoreEntry> lore) {

    record SeedLoreEntry(String id, String title, List<String> triggerKeys, String category, int priority,
                         boolean alwaysOn, String content) {

        LoreContent toContent() {
            return new LoreContent(title, triggerKeys, content, category, priority, alwaysOn);
        }
    }
}
