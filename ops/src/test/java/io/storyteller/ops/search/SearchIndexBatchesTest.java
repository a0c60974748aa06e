package io.storyteller.ops.search;

import static io.storyteller.ops.search.SearchIndexFixture.deliver;
import static io.storyteller.ops.search.SearchIndexFixture.deliverBatch;
import static io.storyteller.ops.search.SearchIndexFixture.document;
import static io.storyteller.ops.search.SearchIndexFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.embedding.Embeddings;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A processor's batch is indexed as one: the same documents as event-by-event indexing leaves, its
 * new texts embedded in one call; and a batch that cannot be indexed (one text its embedder refuses)
 * is retried event by event, so only the bad event fails and the others are indexed.
 */
class SearchIndexBatchesTest {

    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("house", "1", "sha256:d", List.of(), 3, 10, 20);
    private static final String REFUSED = "a text this embedder refuses";
    private static final SentenceEmbedder HOUSE = SentenceEmbedder.bundled();

    /** Answers {@code EmbedTexts} with the bundled model, counting calls, and fails any call holding {@link #REFUSED}. */
    static final class CountingEmbedder {

        final AtomicInteger calls = new AtomicInteger();
        private final Embeddings embeddings = Embeddings.houseOnly(HOUSE);

        @QueryHandler
        TextEmbeddings handle(EmbedTexts query) {
            calls.incrementAndGet();
            if (query.texts().contains(REFUSED)) {
                throw new IllegalStateException("the embedder refuses: " + REFUSED);
            }
            return embeddings.handle(query);
        }

        TextEmbedder asTextEmbedder() {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(this).subscribe(bus);
            return new TextEmbedder(DefaultQueryGateway.builder().queryBus(bus).build());
        }
    }

    private final CountingEmbedder counting = new CountingEmbedder();
    private final BeatIndexProjection beats = new BeatIndexProjection(SearchIndexFixture.client(), counting.asTextEmbedder());
    private final String worldId = "batch-world-" + UUID.randomUUID();

    @AfterAll
    static void close() {
        HOUSE.close();
    }

    @Test
    void aBatchLeavesTheBeatsAndCursorsThatEventByEventIndexingLeavesWithOneEmbeddingCall() {
        String live = "batch-story-" + UUID.randomUUID();
        String batched = "batch-story-" + UUID.randomUUID();
        for (EventMessage<?> message : story(live)) {
            deliver(beats, "Story", live, ((org.axonframework.eventhandling.DomainEventMessage<?>) message).getSequenceNumber(),
                    message.getPayload());
        }
        int callsBefore = counting.calls.get();

        assertThat(deliverBatch(beats, story(batched), false)).isEmpty();

        assertThat(counting.calls.get() - callsBefore).as("one embedding call for the whole batch").isEqualTo(1);
        assertThat(beatsCounted(batched)).isEqualTo(beatsCounted(live)).isEqualTo(3);
        for (int beat = 0; beat < 4; beat++) {
            var one = document(SearchIndex.BEATS, live + "-beat-" + beat).map(SearchIndexFixture.Document::source);
            var other = document(SearchIndex.BEATS, batched + "-beat-" + beat).map(SearchIndexFixture.Document::source);
            assertThat(other.map(source -> withoutIds(source, batched))).as("beat " + beat)
                    .isEqualTo(one.map(source -> withoutIds(source, live)));
            assertThat(document(SearchIndex.BEATS, batched + "-beat-" + beat).map(SearchIndexFixture.Document::version))
                    .isEqualTo(document(SearchIndex.BEATS, live + "-beat-" + beat).map(SearchIndexFixture.Document::version));
        }
        assertThat(document(SearchIndex.BEATS, batched + "-beat-1").orElseThrow().source())
                .containsEntry("text", "The bell lies on its side, its clapper gone.").containsEntry("selected", 1);
    }

    @Test
    void aBatchWithOneEventItsEmbedderRefusesIsRetriedEventByEventSoOnlyThatEventFails() {
        List<EventMessage<?>> batch = new ArrayList<>();
        List<String> stories = List.of("ok-" + UUID.randomUUID(), "bad-" + UUID.randomUUID(), "ok-" + UUID.randomUUID());
        for (String storyId : stories) {
            String text = storyId.startsWith("bad-") ? REFUSED : "I row out to " + storyId + ".";
            batch.add(event("Story", storyId, 0, new PlayerActionSubmitted(storyId, worldId, storyId + "-beat", "player", text)));
        }

        assertThatThrownBy(() -> deliverBatch(beats, batch, true)).hasStackTraceContaining(REFUSED);
        assertThat(stories).allSatisfy(storyId -> assertThat(document(SearchIndex.BEATS, storyId + "-beat"))
                .as("the failed batch wrote nothing").isEmpty());

        // the processor delivers the batch again: each event is indexed on its own, the bad one dead-lettered
        List<String> deadLettered = deliverBatch(beats, batch, true);

        assertThat(deadLettered).containsExactly(batch.get(1).getIdentifier());
        assertThat(document(SearchIndex.BEATS, stories.get(0) + "-beat")).isPresent();
        assertThat(document(SearchIndex.BEATS, stories.get(1) + "-beat")).isEmpty();
        assertThat(document(SearchIndex.BEATS, stories.get(2) + "-beat")).isPresent();

        List<EventMessage<?>> later = List.of(event("Story", stories.get(2), 1,
                new PlayerActionSubmitted(stories.get(2), worldId, stories.get(2) + "-next", "player", "I row back.")));
        int callsBefore = counting.calls.get();
        deliverBatch(beats, later, false);
        assertThat(counting.calls.get() - callsBefore).as("a later batch is collected again").isEqualTo(1);
        assertThat(beatsCounted(stories.get(2))).isEqualTo(2);
    }

    @Test
    void aLoreBatchLeavesEachEntryAtItsLastStateWithItsVector() {
        LoreIndexProjection lore = new LoreIndexProjection(SearchIndexFixture.client(), counting.asTextEmbedder());
        String bell = "lore-" + UUID.randomUUID();
        String lamp = "lore-" + UUID.randomUUID();
        LoreContent ringing = new LoreContent("The Drowned Bell", List.of("bell"), "It rings before storms.", "places", 5, false);
        LoreContent silent = new LoreContent("The Drowned Bell", List.of("bell"), "The abbess silenced it.", "places", 5, false);
        LoreContent lantern = new LoreContent("The Lamp", List.of("lamp"), "It burns without oil.", null, 5, false);
        int callsBefore = counting.calls.get();

        deliverBatch(lore, List.of(event("World", worldId, 1, new LoreEntryAdded(worldId, bell, ringing, "owner")),
                event("World", worldId, 2, new LoreEntryAdded(worldId, lamp, lantern, "owner")),
                event("World", worldId, 3, new LoreEntryRevised(worldId, bell, silent, "owner")),
                event("World", worldId, 4, new LoreEntryRetired(worldId, bell, "owner"))), false);

        assertThat(counting.calls.get() - callsBefore).isEqualTo(1);
        var stored = document(SearchIndex.LORE, bell).orElseThrow();
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.source()).containsEntry("content", "The abbess silenced it.").containsEntry("retired", true);
        assertThat(stored.embedding()).isEqualTo(SearchIndexFixture.vectorOf(worldId, "The Drowned Bell. The abbess silenced it."));
        assertThat(document(SearchIndex.LORE, lamp).orElseThrow().embedding())
                .isEqualTo(SearchIndexFixture.vectorOf(worldId, "The Lamp. It burns without oil."));
    }

    /** Two actions, a narration with a second alternative that is edited, then the second action erased. */
    private List<EventMessage<?>> story(String storyId) {
        List<Object> payloads = List.of(
                new PlayerActionSubmitted(storyId, worldId, storyId + "-beat-0", "player", "I dive to the church."),
                new NarrationRecorded(storyId, worldId, "r1", storyId + "-beat-0", storyId + "-beat-1", 0, "The bell lies there.", PROVENANCE),
                new NarrationRecorded(storyId, worldId, "r2", storyId + "-beat-0", storyId + "-beat-1", 1, "The bell rings.", PROVENANCE),
                new BeatEdited(storyId, storyId + "-beat-1", "The bell rings.", "The bell lies on its side, its clapper gone.", "owner"),
                new PlayerActionSubmitted(storyId, worldId, storyId + "-beat-2", "player", "I pull the bell free."),
                new PlayerActionSubmitted(storyId, worldId, storyId + "-beat-3", "player", "I swim up."),
                new BeatsErased(storyId, List.of(storyId + "-beat-3"), "player"),
                new NarrationAlternativeSelected(storyId, storyId + "-beat-1", 7, "player"));
        List<EventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(event("Story", storyId, seq, payloads.get(seq)));
        }
        return events;
    }

    private static Map<String, Object> withoutIds(Map<String, Object> source, String storyId) {
        Map<String, Object> same = new java.util.HashMap<>(source);
        same.remove("storyId");
        same.remove("beatId");
        return same;
    }

    private static int beatsCounted(String storyId) {
        return document(SearchIndex.STORY_CURSORS, storyId).map(cursor -> ((Number) cursor.get("beats")).intValue()).orElse(0);
    }
}
