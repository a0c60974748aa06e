package io.storyteller.command.housemodel.corpus;

import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import java.util.List;

/** Terse builders for the world and story events the house model learns from. */
public final class StoryEvents {

    public static final String LLM = "openai:gpt-4o-mini";

    private StoryEvents() {
    }

    public static WorldCreated world(String worldId) {
        return new WorldCreated(worldId,
                new WorldSettings(worldId, "A city above the sea.", "fantasy", "moody", ContentRating.TEEN, null), "owner");
    }

    public static LoreContent content(String title, String text) {
        return new LoreContent(title, List.of(title.toLowerCase()), text, "general", 0, false);
    }

    public static LoreEntryAdded lore(String worldId, String loreEntryId, String title, String text) {
        return new LoreEntryAdded(worldId, loreEntryId, content(title, text), "owner");
    }

    public static StoryStarted story(String storyId, String worldId) {
        return new StoryStarted(storyId, worldId, "A story", "owner");
    }

    public static PlayerActionSubmitted action(String storyId, String worldId, String beatId, String text) {
        return new PlayerActionSubmitted(storyId, worldId, beatId, "player", text);
    }

    public static NarrationRecorded narration(String storyId, String worldId, String actionBeatId, String beatId,
            int alternative, String text) {
        return narration(storyId, worldId, actionBeatId, beatId, alternative, text, LLM);
    }

    public static NarrationRecorded narration(String storyId, String worldId, String actionBeatId, String beatId,
            int alternative, String text, String model) {
        return new NarrationRecorded(storyId, worldId, "request-" + beatId + "-" + alternative, actionBeatId, beatId,
                alternative, text, new NarrationProvenance(model, "", "digest", List.of(), 10, 5, 5));
    }
}
