package io.storyteller.command.narration;

import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.command.narration.context.AggregateStreams;
import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.context.Turn;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import java.util.ArrayList;
import java.util.List;

/** Values for narration tests: a world, a story, its beats and lore, and the event streams that hold them. */
public final class StoryFixtures {

    public static final String WORLD = "w-1";
    public static final String STORY = "s-1";

    private StoryFixtures() {
    }

    public static WorldSettings world() {
        return new WorldSettings("Emberfall", "A city built on a sleeping volcano.",
                "fantasy", "wry", ContentRating.TEEN, "Short paragraphs, present tense.");
    }

    /** The story's notes and players, with no lore and no beats yet; alice alone unless participants are given. */
    public static StoryContext story(String authorsNote, String pinnedMemory, String... participants) {
        return new StoryContext(world(), List.of(), authorsNote, pinnedMemory,
                participants.length == 0 ? List.of("alice") : List.of(participants), List.of());
    }

    public static ActiveLore lore(String id, String title, String content, int priority, boolean alwaysOn,
            String... keys) {
        return new ActiveLore(id, new LoreContent(title, List.of(keys), content, "general", priority, alwaysOn));
    }

    public static Turn action(String beatId, String playerId, String text) {
        return new Turn(beatId, BeatKind.PLAYER_ACTION, playerId, text);
    }

    public static Turn narration(String beatId, String text) {
        return new Turn(beatId, BeatKind.NARRATION, null, text);
    }

    /** Alternating actions and narrations a1, n1, a2, n2, …; {@code pairs} of each. */
    public static List<Turn> beats(int pairs) {
        List<Turn> beats = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            beats.add(action("a" + i, "alice", "action number " + i));
            beats.add(narration("n" + i, "narration number " + i));
        }
        return beats;
    }

    /** The world created and alice's story started, as their aggregates' streams hold them. */
    static AggregateStreams streams() {
        return new AggregateStreams()
                .append(WORLD, new WorldCreated(WORLD, world(), "owner"))
                .append(STORY, new StoryStarted(STORY, WORLD, "The Ash Road", "alice"));
    }

    static void addLore(AggregateStreams streams, ActiveLore lore) {
        streams.append(WORLD, new LoreEntryAdded(WORLD, lore.loreEntryId(), lore.content(), "owner"));
    }

    /** The action as the Story records it before asking for its narration. */
    static void act(AggregateStreams streams, PlayerActionSubmitted action) {
        streams.append(action.storyId(), action);
    }

    static void narrated(AggregateStreams streams, String actionBeatId, String beatId, String text) {
        streams.append(STORY, new NarrationRecorded(STORY, WORLD, actionBeatId, actionBeatId, beatId, 0, text,
                new NarrationProvenance("fake", "", "digest", List.of(), 1, 1, 1)));
    }

    static NarrationContexts contexts(AggregateStreams streams) {
        NarrationProperties defaults = NarrationProperties.defaults();
        return new NarrationContexts(streams.store, defaults.recentBeats(), defaults.contextCache());
    }
}
