package io.storyteller.command.narration.context;

import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldView;
import java.util.List;

/**
 * What the read models know about a story when its narration is asked for. They may lag: the
 * story may be missing (null) and the beats may not yet hold the triggering action.
 *
 * @param lore        the world's active lore entries
 * @param recentBeats the story's last beats, oldest first
 */
public record StoryContext(WorldView world, List<LoreEntryView> lore, StoryView story, List<BeatView> recentBeats) {

    public StoryContext {
        lore = lore == null ? List.of() : List.copyOf(lore);
        recentBeats = recentBeats == null ? List.of() : List.copyOf(recentBeats);
    }
}
