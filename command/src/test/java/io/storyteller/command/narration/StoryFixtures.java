package io.storyteller.command.narration;

import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.StoryStatus;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read-model values for narration tests: a world, a story and its beats. */
public final class StoryFixtures {

    public static final String WORLD = "w-1";
    public static final String STORY = "s-1";
    public static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private StoryFixtures() {
    }

    public static WorldView world() {
        return new WorldView(WORLD, new WorldSettings("Emberfall", "A city built on a sleeping volcano.",
                "fantasy", "wry", ContentRating.TEEN, "Short paragraphs, present tense."),
                "owner", false, List.of(), NOW, NOW);
    }

    public static StoryView story(String authorsNote, String pinnedMemory, String... participants) {
        return new StoryView(STORY, WORLD, "The Ash Road", participants.length == 0 ? "alice" : participants[0],
                participants.length == 0 ? List.of("alice") : List.of(participants), StoryStatus.ACTIVE,
                authorsNote, pinnedMemory, 0, true, NOW, NOW);
    }

    public static LoreEntryView lore(String id, String title, String content, int priority, boolean alwaysOn, String... keys) {
        return new LoreEntryView(id, WORLD, new LoreContent(title, List.of(keys), content, "general", priority, alwaysOn),
                false, 1, NOW);
    }

    public static BeatView action(String beatId, String playerId, String text) {
        return beat(beatId, BeatKind.PLAYER_ACTION, playerId, text);
    }

    public static BeatView narration(String beatId, String text) {
        return beat(beatId, BeatKind.NARRATION, null, text);
    }

    /** Alternating actions and narrations a1, n1, a2, n2, …; {@code pairs} of each. */
    public static List<BeatView> beats(int pairs) {
        List<BeatView> beats = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            beats.add(action("a" + i, "alice", "action number " + i));
            beats.add(narration("n" + i, "narration number " + i));
        }
        return beats;
    }

    private static BeatView beat(String beatId, BeatKind kind, String playerId, String text) {
        return new BeatView(beatId, STORY, 0, kind, playerId, text, false, null, List.of(text), 0, null, null, NOW);
    }
}
