package io.storyteller.graphql.fakes;

import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.StoryStatus;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldMemberView;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldView;
import java.time.Instant;
import java.util.List;

/** Read results as the query side would answer them. */
public final class Views {

    public static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");

    private Views() {
    }

    public static WorldView world(String worldId) {
        return new WorldView(worldId, new WorldSettings("Eldoria", "A dragon sleeps", "fantasy", "wry", ContentRating.TEEN, ""),
                "alice", false, List.of(new WorldMemberView("alice", WorldRole.OWNER), new WorldMemberView("bob", WorldRole.PLAYER)),
                T0, T0.plusSeconds(60));
    }

    public static LoreEntryView lore(String worldId, String loreEntryId) {
        return new LoreEntryView(loreEntryId, worldId,
                new LoreContent("The dragon", List.of("dragon"), "It sleeps.", "beasts", 5, false), false, 2, T0);
    }

    public static StoryView story(String storyId, String worldId) {
        return new StoryView(storyId, worldId, "The heist", "alice", List.of("alice"), StoryStatus.ACTIVE, "", "", 2, false,
                T0, T0.plusSeconds(5));
    }

    public static BeatView action(String storyId, int position) {
        return new BeatView("b" + position, storyId, position, BeatKind.PLAYER_ACTION, "alice", "I open the door", false, null,
                List.of(), 0, null, null, T0);
    }

    public static BeatView narration(String storyId, int position) {
        return new BeatView("b" + position, storyId, position, BeatKind.NARRATION, null, "The door creaks.", false, null,
                List.of("The door creaks."), 0, 5,
                new NarrationProvenance("house-narrator", "3", "sha256:abc", List.of("l1"), 12_345_678_901L, 900, 120), T0);
    }
}
