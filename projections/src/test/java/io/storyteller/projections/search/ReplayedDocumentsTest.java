package io.storyteller.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.projections.schema.SearchIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While a replay from the start runs, a document it has not written does not exist and one it wrote
 * recently is as written; anything else (no replay, a document forgotten) must be read from the index.
 */
class ReplayedDocumentsTest {

    private final ReplayedDocuments replayed = new ReplayedDocuments();

    @Test
    void withoutAReplayNothingIsKnownAndEveryDocumentIsRead() {
        replayed.written(beat("b1"), 3, Map.of("text", "I dive."));

        assertThat(replayed.known(beat("b1"))).isEmpty();
        assertThat(replayed.known(beat("b2"))).isEmpty();
    }

    @Test
    void duringAReplayADocumentNotWrittenIsAbsentAndOneWrittenIsAsWrittenDeletionsIncluded() {
        replayed.start();
        replayed.written(beat("b1"), 3, Map.of("text", "I dive."));
        replayed.written(beat("b2"), 5, null);

        assertThat(replayed.known(beat("never"))).contains(new SearchDocuments.Stored(null, -1));
        assertThat(replayed.known(beat("b1"))).contains(new SearchDocuments.Stored(Map.of("text", "I dive."), 3));
        assertThat(replayed.known(beat("b2"))).as("a deletion keeps its version").contains(new SearchDocuments.Stored(null, 5));
        assertThat(replayed.known(new DocumentKey(SearchIndex.STORY_CURSORS, "b1"))).as("another index's document")
                .contains(new SearchDocuments.Stored(null, -1));
    }

    @Test
    void aDocumentWrittenLongAgoIsReadAgainAndTheEndOfTheReplayForgetsEverything() {
        replayed.start();
        replayed.written(beat("old"), 1, Map.of("text", "first"));
        for (int i = 0; i < ReplayedDocuments.RECENT; i++) {
            replayed.written(beat("b" + i), 2, Map.of("text", "later"));
        }

        assertThat(replayed.known(beat("old"))).as("written, but its source forgotten: read it").isEmpty();
        assertThat(replayed.stop()).isTrue();
        assertThat(replayed.known(beat("b1"))).isEmpty();
        assertThat(replayed.stop()).as("stopped once").isFalse();
    }

    private static DocumentKey beat(String id) {
        return new DocumentKey(SearchIndex.BEATS, id);
    }
}
