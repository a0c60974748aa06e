package io.storyteller.ops.search;

import static io.storyteller.ops.search.SearchIndexFixture.deliver;
import static io.storyteller.ops.search.SearchIndexFixture.document;
import static io.storyteller.ops.search.SearchIndexFixture.vectorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.ops.search.SearchIndexFixture.Document;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.search.BeatIndexProjection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The beat index on a real OpenSearch node: every beat of a story with its place in the story, the
 * text a reader sees (the selected alternative, as edited) and that text's embedding. Versions are
 * the Story's sequence numbers, so an event delivered again or late never undoes a newer one.
 */
class BeatIndexProjectionTest {

    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("house", "1", "sha256:d", List.of(), 3, 10, 20);
    private static final String DIVE = "I dive to the sunken church looking for the bronze bell.";
    private static final String BELL_FOUND = "Among the pews the bell lies on its side, green with age.";
    private static final String BELL_RINGS = "The bell tolls once under the water, and the fish scatter.";

    private final BeatIndexProjection projection = new BeatIndexProjection(SearchIndexFixture.client(), SearchIndexFixture.embedder());
    private final String worldId = "beat-world-" + UUID.randomUUID();
    private final String storyId = "beat-story-" + UUID.randomUUID();
    private final String dive = "beat-" + UUID.randomUUID();
    private final String found = "beat-" + UUID.randomUUID();

    @Test
    void actionsAndNarrationsAreIndexedInStoryOrderWithTheirEmbeddings() {
        story(0, action(dive, DIVE));
        story(1, narration(found, 0, BELL_FOUND));

        assertThat(beat(dive).source()).containsEntry("storyId", storyId).containsEntry("worldId", worldId)
                .containsEntry("kind", "PLAYER_ACTION").containsEntry("position", 1).containsEntry("text", DIVE);
        assertThat(beat(dive).embedding()).hasSize(384).isEqualTo(vectorOf(worldId, DIVE));
        assertThat(beat(found).source()).containsEntry("kind", "NARRATION").containsEntry("position", 2)
                .containsEntry("text", BELL_FOUND).containsEntry("alternatives", List.of(BELL_FOUND)).containsEntry("selected", 0);
        assertThat(beat(found).version()).isEqualTo(1);
        assertThat(beatsCounted()).isEqualTo(2);
    }

    @Test
    void anotherAlternativeIsShownUntilTheFirstIsSelectedAgain() {
        story(0, action(dive, DIVE));
        story(1, narration(found, 0, BELL_FOUND));
        story(2, narration(found, 1, BELL_RINGS));

        assertThat(beat(found).source()).containsEntry("text", BELL_RINGS).containsEntry("selected", 1)
                .containsEntry("alternatives", List.of(BELL_FOUND, BELL_RINGS)).containsEntry("position", 2);
        assertThat(beat(found).embedding()).isEqualTo(vectorOf(worldId, BELL_RINGS));
        assertThat(beatsCounted()).as("an alternative is no new beat").isEqualTo(2);

        story(3, new NarrationAlternativeSelected(storyId, found, 0, "player"));
        assertThat(beat(found).source()).containsEntry("text", BELL_FOUND).containsEntry("selected", 0);
        assertThat(beat(found).embedding()).isEqualTo(vectorOf(worldId, BELL_FOUND));

        story(4, new NarrationAlternativeSelected(storyId, found, 7, "player"));
        assertThat(beat(found).version()).as("an alternative the beat lacks changes nothing").isEqualTo(3);
    }

    @Test
    void anEditRewritesTheSelectedAlternativeAndItsEmbedding() {
        String edited = "Among the pews the bell lies on its side, its clapper gone.";
        story(0, action(dive, DIVE));
        story(1, narration(found, 0, BELL_FOUND));
        story(2, narration(found, 1, BELL_RINGS));
        story(3, new BeatEdited(storyId, found, BELL_RINGS, edited, "owner"));

        assertThat(beat(found).source()).containsEntry("text", edited).containsEntry("selected", 1)
                .containsEntry("alternatives", List.of(BELL_FOUND, edited));
        assertThat(beat(found).embedding()).isEqualTo(vectorOf(worldId, edited));
    }

    @Test
    void erasedBeatsLeaveTheIndexAndTheNextBeatTakesTheFreedPlace() {
        String again = "beat-" + UUID.randomUUID();
        String second = "beat-" + UUID.randomUUID();
        story(0, action(dive, DIVE));
        story(1, narration(found, 0, BELL_FOUND));
        story(2, action(second, "I pull the bell free."));
        story(3, new BeatsErased(storyId, List.of(second), "player"));

        assertThat(document(SearchIndex.BEATS, second)).isEmpty();
        assertThat(beatsCounted()).isEqualTo(2);

        story(4, action(again, "I swim back up with the clapper."));
        assertThat(beat(again).source()).containsEntry("position", 3);
        assertThat(beatsCounted()).isEqualTo(3);
    }

    @Test
    void eventsDeliveredAgainOrLateNeverUndoNewerOnesNorCountTwice() {
        String edited = "Among the pews the bell lies on its side, its clapper gone.";
        String second = "beat-" + UUID.randomUUID();
        List<Object> events = List.of(action(dive, DIVE), narration(found, 0, BELL_FOUND), narration(found, 1, BELL_RINGS),
                new NarrationAlternativeSelected(storyId, found, 0, "player"), new BeatEdited(storyId, found, BELL_FOUND, edited, "owner"),
                action(second, "I pull the bell free."), new BeatsErased(storyId, List.of(second), "player"));
        for (int seq = 0; seq < events.size(); seq++) {
            story(seq, events.get(seq));
        }

        // a failed batch: the whole story delivered once more, in order
        for (int seq = 0; seq < events.size(); seq++) {
            story(seq, events.get(seq));
        }
        // single late ones: the other alternative's selection, the action before the erase
        story(3, new NarrationAlternativeSelected(storyId, found, 1, "player"));
        story(5, action(second, "I pull the bell free."));

        assertThat(beat(dive).source()).containsEntry("position", 1).containsEntry("text", DIVE);
        assertThat(beat(found).source()).containsEntry("position", 2).containsEntry("text", edited).containsEntry("selected", 0)
                .containsEntry("alternatives", List.of(edited, BELL_RINGS));
        assertThat(beat(found).version()).isEqualTo(4);
        assertThat(document(SearchIndex.BEATS, second)).isEmpty();
        assertThat(beatsCounted()).isEqualTo(2);
    }

    private void story(long sequence, Object event) {
        deliver(projection, "Story", storyId, sequence, event);
    }

    private PlayerActionSubmitted action(String beatId, String text) {
        return new PlayerActionSubmitted(storyId, worldId, beatId, "player", text);
    }

    private NarrationRecorded narration(String beatId, int alternative, String text) {
        return new NarrationRecorded(storyId, worldId, "request-" + beatId, dive, beatId, alternative, text, PROVENANCE);
    }

    private Document beat(String beatId) {
        return document(SearchIndex.BEATS, beatId).orElseThrow(() -> new AssertionError("beat " + beatId + " is not indexed"));
    }

    private int beatsCounted() {
        return document(SearchIndex.STORY_CURSORS, storyId).map(cursor -> ((Number) cursor.get("beats")).intValue()).orElse(0);
    }
}
