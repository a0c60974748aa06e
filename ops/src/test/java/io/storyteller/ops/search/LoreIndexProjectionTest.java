package io.storyteller.ops.search;

import static io.storyteller.ops.search.SearchIndexFixture.deliver;
import static io.storyteller.ops.search.SearchIndexFixture.document;
import static io.storyteller.ops.search.SearchIndexFixture.vectorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.ops.search.SearchIndexFixture.Document;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.search.LoreIndexProjection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lore index on a real OpenSearch node: one document per lore entry with its text and its
 * embedding, kept by the World's events. Each document carries the sequence number of the last event
 * applied, so an event delivered again, late, never brings back an older state.
 * <p>
 * The World refuses to revise a retired entry (World's {@code requireActiveLore}, specified by
 * {@code LoreTest#aRetiredLoreEntryCannotBeRevised}), so the only revision that can reach a retired
 * entry is an older one delivered again; the index keeps the entry retired.
 */
class LoreIndexProjectionTest {

    private static final LoreContent BELL = new LoreContent("The Drowned Bell", List.of("bell", "church"),
            "A bronze bell hangs in the sunken church and rings when a storm comes.", "places", 5, false);
    private static final LoreContent BELL_SILENCED = new LoreContent("The Drowned Bell", List.of("bell"),
            "The bronze bell was silenced by the abbess; its clapper lies in the sand.", null, 5, false);

    private final LoreIndexProjection projection = new LoreIndexProjection(SearchIndexFixture.client(), SearchIndexFixture.embedder());
    private final String worldId = "lore-world-" + UUID.randomUUID();
    private final String bellId = "lore-" + UUID.randomUUID();

    @Test
    void anAddedEntryIsIndexedWithItsTextItsEmbeddingAndTheEventsSequence() {
        deliver(projection, "World", worldId, 3, new LoreEntryAdded(worldId, bellId, BELL, "owner"));

        Document bell = document(SearchIndex.LORE, bellId).orElseThrow();
        assertThat(bell.version()).isEqualTo(3);
        assertThat(bell.source()).containsEntry("worldId", worldId).containsEntry("loreEntryId", bellId)
                .containsEntry("title", "The Drowned Bell").containsEntry("content", BELL.content())
                .containsEntry("triggerKeys", List.of("bell", "church")).containsEntry("category", "places")
                .containsEntry("retired", false).containsEntry("embedder", "house:all-minilm-l6-v2-q@1.20.0-beta30");
        assertThat(bell.embedding()).hasSize(384).isEqualTo(vectorOf(worldId, "The Drowned Bell. " + BELL.content()));
    }

    @Test
    void aRevisionReplacesTheTextAndTheEmbedding() {
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(projection, "World", worldId, 2, new LoreEntryRevised(worldId, bellId, BELL_SILENCED, "admin"));

        Document bell = document(SearchIndex.LORE, bellId).orElseThrow();
        assertThat(bell.version()).isEqualTo(2);
        assertThat(bell.source()).containsEntry("content", BELL_SILENCED.content())
                .containsEntry("triggerKeys", List.of("bell")).containsEntry("category", "general");
        assertThat(bell.embedding()).isEqualTo(vectorOf(worldId, "The Drowned Bell. " + BELL_SILENCED.content()))
                .isNotEqualTo(vectorOf(worldId, "The Drowned Bell. " + BELL.content()));
    }

    @Test
    void aRetiredEntryStaysIndexedFlaggedRetiredAndARevisionDeliveredAgainDoesNotReviveIt() {
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(projection, "World", worldId, 2, new LoreEntryRevised(worldId, bellId, BELL_SILENCED, "admin"));
        deliver(projection, "World", worldId, 3, new LoreEntryRetired(worldId, bellId, "admin"));

        deliver(projection, "World", worldId, 2, new LoreEntryRevised(worldId, bellId, BELL_SILENCED, "admin"));
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));

        Document bell = document(SearchIndex.LORE, bellId).orElseThrow();
        assertThat(bell.version()).isEqualTo(3);
        assertThat(bell.source()).containsEntry("retired", true).containsEntry("content", BELL_SILENCED.content());
        assertThat(bell.embedding()).isEqualTo(vectorOf(worldId, "The Drowned Bell. " + BELL_SILENCED.content()));
    }

    @Test
    void anOlderEventDeliveredAgainNeverOverwritesANewerState() {
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(projection, "World", worldId, 2, new LoreEntryRevised(worldId, bellId, BELL_SILENCED, "admin"));

        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(projection, "World", worldId, 2, new LoreEntryRevised(worldId, bellId, BELL, "admin"));

        Document bell = document(SearchIndex.LORE, bellId).orElseThrow();
        assertThat(bell.version()).isEqualTo(2);
        assertThat(bell.source()).containsEntry("content", BELL_SILENCED.content());
    }

    @Test
    void archivingAWorldRemovesItsEntriesEvenJustIndexedOnesAndNoOtherWorlds() {
        String otherWorld = "lore-world-" + UUID.randomUUID();
        String otherBell = "lore-" + UUID.randomUUID();
        String fog = "lore-" + UUID.randomUUID();
        deliver(projection, "World", otherWorld, 1, new LoreEntryAdded(otherWorld, otherBell, BELL, "owner"));
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(projection, "World", worldId, 2, new LoreEntryAdded(worldId, fog,
                new LoreContent("Salt Fog", List.of("fog"), "A cold salt fog lies over the coast.", null, 0, false), "owner"));
        deliver(projection, "World", worldId, 3, new LoreEntryRetired(worldId, fog, "owner"));
        // at once, as in a replay: the entries were written within the index's refresh interval
        deliver(projection, "World", worldId, 4, new WorldArchived(worldId, "owner"));

        assertThat(document(SearchIndex.LORE, bellId)).isEmpty();
        assertThat(document(SearchIndex.LORE, fog)).isEmpty();
        assertThat(document(SearchIndex.LORE, otherBell)).isPresent();

        // the world's events delivered once more, in order, as after a failed batch: the archive wins again
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(projection, "World", worldId, 4, new WorldArchived(worldId, "owner"));
        assertThat(document(SearchIndex.LORE, bellId)).isEmpty();
    }

    @Test
    void aSettledIndexIsMergedIntoOneSegmentInTheBackgroundKeepingItsDocuments() throws Exception {
        deliver(projection, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        var client = SearchIndexFixture.client();

        SearchIndex.LORE.mergeSettled(client);

        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() -> {
            client.indices().refresh(r -> r.index(SearchIndex.LORE.indexName()));
            assertThat(client.cat().segments(c -> c.index(SearchIndex.LORE.indexName())).valueBody()).hasSize(1);
        });
        assertThat(document(SearchIndex.LORE, bellId)).isPresent();
    }
}
