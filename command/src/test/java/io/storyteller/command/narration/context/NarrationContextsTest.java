package io.storyteller.command.narration.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldSettingsChanged;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The narration context, folded from the World's and the Story's streams, event by event. */
class NarrationContextsTest {

    static final String WORLD = "w-1";
    static final String STORY = "s-1";
    static final WorldSettings EMBERFALL = settings("Emberfall");

    final AggregateStreams streams = new AggregateStreams()
            .append(WORLD, new WorldCreated(WORLD, EMBERFALL, "owner"))
            .append(STORY, new StoryStarted(STORY, WORLD, "The Ash Road", "alice"));
    final NarrationContexts contexts = new NarrationContexts(streams.store, 40, 100);

    @AfterEach
    void close() {
        streams.close();
    }

    @Test
    void aWorldWithoutItsCreationIsNotKnown() {
        assertThat(contexts.contextFor("w-unknown", STORY)).isEmpty();
    }

    @Test
    void theWorldsSettingsAreTheLatestOnes() {
        assertThat(context().world()).isEqualTo(EMBERFALL);

        streams.append(WORLD, new WorldSettingsChanged(WORLD, settings("Emberfall Reborn"), "owner"),
                new WorldArchived(WORLD, "owner"));

        assertThat(context().world().name()).isEqualTo("Emberfall Reborn");
    }

    @Test
    void loreIsAddedRevisedAndRetired() {
        streams.append(WORLD, new LoreEntryAdded(WORLD, "l-1", lore("Dragon", "Vermax sleeps."), "owner"),
                new LoreEntryAdded(WORLD, "l-2", lore("Guild", "Thieves rule."), "owner"));
        assertThat(context().lore()).extracting(ActiveLore::loreEntryId).containsExactly("l-1", "l-2");

        streams.append(WORLD, new LoreEntryRevised(WORLD, "l-1", lore("Dragon", "Vermax wakes."), "owner"),
                new LoreEntryRetired(WORLD, "l-2", "owner"));

        assertThat(context().lore()).containsExactly(new ActiveLore("l-1", lore("Dragon", "Vermax wakes.")));
    }

    @Test
    void theStorysNotesAndPlayersAreTheLatestOnes() {
        assertThat(context().participants()).containsExactly("alice");
        assertThat(context().authorsNote()).isNull();

        streams.append(STORY, new ParticipantInvited(STORY, "bob", "alice"),
                new AuthorsNoteSet(STORY, "Keep it spooky.", "alice"),
                new PinnedMemorySet(STORY, "Alice owes Vermax a favour.", "alice"),
                new AuthorsNoteSet(STORY, "Keep it grim.", "bob"));

        StoryContext context = context();
        assertThat(context.participants()).containsExactly("alice", "bob");
        assertThat(context.authorsNote()).isEqualTo("Keep it grim.");
        assertThat(context.pinnedMemory()).isEqualTo("Alice owes Vermax a favour.");
    }

    @Test
    void beatsAreRecordedInOrder() {
        streams.append(STORY, action("a1", "I wake the dragon"), narration("a1", "n1", 0, "It opens one eye."),
                new BeatRated(STORY, "n1", 5, "alice"));

        assertThat(context().recentBeats()).containsExactly(
                new Turn("a1", BeatKind.PLAYER_ACTION, "alice", "I wake the dragon"),
                new Turn("n1", BeatKind.NARRATION, null, "It opens one eye."));
    }

    @Test
    void aRetriedNarrationShowsItsNewAlternativeUntilAnotherIsSelected() {
        streams.append(STORY, action("a1", "I wake the dragon"), narration("a1", "n1", 0, "It sleeps on."),
                narration("a1", "n1", 1, "It roars."));
        assertThat(texts()).containsExactly("I wake the dragon", "It roars.");

        streams.append(STORY, new NarrationAlternativeSelected(STORY, "n1", 0, "alice"));

        assertThat(texts()).containsExactly("I wake the dragon", "It sleeps on.");
    }

    @Test
    void anEditReplacesTheSelectedText() {
        streams.append(STORY, action("a1", "I wake the dragon"), narration("a1", "n1", 0, "It sleeps on."),
                new BeatEdited(STORY, "n1", "It sleeps on.", "It snores.", "alice"));

        assertThat(texts()).containsExactly("I wake the dragon", "It snores.");
    }

    @Test
    void erasedBeatsLeaveTheStory() {
        streams.append(STORY, action("a1", "I wake the dragon"), narration("a1", "n1", 0, "It roars."),
                action("a2", "I run"), narration("a2", "n2", 0, "Too late."));
        assertThat(texts()).hasSize(4);

        streams.append(STORY, new BeatsErased(STORY, List.of("a2", "n2"), "alice"));

        assertThat(texts()).containsExactly("I wake the dragon", "It roars.");
    }

    @Test
    void theWindowHoldsTheLastBeatsOnly() {
        NarrationContexts narrow = new NarrationContexts(streams.store, 3, 100);
        streams.append(STORY, action("a1", "one"), narration("a1", "n1", 0, "two"), action("a2", "three"),
                narration("a2", "n2", 0, "four"));

        assertThat(narrow.contextFor(WORLD, STORY).orElseThrow().recentBeats()).extracting(Turn::text)
                .containsExactly("two", "three", "four");
        assertThat(narrow.contextFor(WORLD, STORY).orElseThrow().firstBeat()).as("the story position of \"two\"")
                .isEqualTo(2);
    }

    @Test
    void anEraseReachingPastTheWindowReadsTheStoryAgain() {
        NarrationContexts narrow = new NarrationContexts(streams.store, 2, 100);
        streams.append(STORY, action("a1", "one"), narration("a1", "n1", 0, "two"), action("a2", "three"),
                narration("a2", "n2", 0, "four"));
        assertThat(narrow.contextFor(WORLD, STORY).orElseThrow().recentBeats()).extracting(Turn::text)
                .containsExactly("three", "four");

        streams.append(STORY, new BeatsErased(STORY, List.of("a2", "n2"), "alice"),
                new BeatEdited(STORY, "n1", "two", "two, edited", "alice"));

        assertThat(narrow.contextFor(WORLD, STORY).orElseThrow().recentBeats()).extracting(Turn::text)
                .containsExactly("one", "two, edited");
        assertThat(narrow.contextFor(WORLD, STORY).orElseThrow().firstBeat()).isEqualTo(1);
    }

    @Test
    void eachCallSeesWhatWasAppendedSinceTheLast() {
        assertThat(context().lore()).isEmpty();

        streams.append(WORLD, new LoreEntryAdded(WORLD, "l-1", lore("Dragon", "Vermax sleeps."), "owner"));
        streams.append(STORY, action("a1", "I wake the dragon"));

        StoryContext context = context();
        assertThat(context.lore()).extracting(ActiveLore::loreEntryId).containsExactly("l-1");
        assertThat(texts()).containsExactly("I wake the dragon");
    }

    @Test
    void storiesForgottenFromTheCacheAreReadAgainWhole() {
        NarrationContexts small = new NarrationContexts(streams.store, 40, 1);
        streams.append(STORY, action("a1", "I wake the dragon"));
        streams.append("s-2", new StoryStarted("s-2", WORLD, "Another", "bob"),
                new PlayerActionSubmitted("s-2", WORLD, "b1", "bob", "I hide"));

        assertThat(small.contextFor(WORLD, STORY).orElseThrow().recentBeats()).extracting(Turn::text)
                .containsExactly("I wake the dragon");
        assertThat(small.contextFor(WORLD, "s-2").orElseThrow().recentBeats()).extracting(Turn::text)
                .containsExactly("I hide");
        assertThat(small.contextFor(WORLD, STORY).orElseThrow().recentBeats()).extracting(Turn::text)
                .containsExactly("I wake the dragon");
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedEntries() {
        RecentlyUsed<String> cache = new RecentlyUsed<>(2);
        cache.get("a", () -> "A");
        cache.get("b", () -> "B");
        cache.get("a", () -> "A again");
        cache.get("c", () -> "C");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a", () -> "A again")).isEqualTo("A");
        assertThat(cache.get("b", () -> "B again")).isEqualTo("B again");
    }

    private StoryContext context() {
        return contexts.contextFor(WORLD, STORY).orElseThrow();
    }

    private List<String> texts() {
        return context().recentBeats().stream().map(Turn::text).toList();
    }

    private static PlayerActionSubmitted action(String beatId, String text) {
        return new PlayerActionSubmitted(STORY, WORLD, beatId, "alice", text);
    }

    private static NarrationRecorded narration(String actionBeatId, String beatId, int alternative, String text) {
        return new NarrationRecorded(STORY, WORLD, "r-" + beatId + "-" + alternative, actionBeatId, beatId, alternative,
                text, new NarrationProvenance("fake", "", "digest", List.of(), 1, 1, 1));
    }

    private static LoreContent lore(String title, String content) {
        return new LoreContent(title, List.of(title.toLowerCase()), content, "general", 0, false);
    }

    private static WorldSettings settings(String name) {
        return new WorldSettings(name, "A city on a volcano.", "fantasy", "wry", ContentRating.TEEN, null);
    }
}
