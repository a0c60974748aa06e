package io.storyteller.ops.search;

import static io.storyteller.ops.search.SearchIndexFixture.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.embedding.Embeddings;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.domain.retrieval.LoreHit;
import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.search.LoreIndexProjection;
import io.storyteller.query.retrieval.LoreRetrieval;
import io.storyteller.query.retrieval.TurnRecallSearch;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The narrator's recall names the words of the action each lore entry matched without asking for
 * highlights, and ranks exactly as an admin's highlighted search of the same words does: on a real
 * OpenSearch node.
 */
class TurnRecallTermsTest {

    private static final LoreContent BELL = new LoreContent("The Drowned Bell", List.of("bell"),
            "A bronze bell hangs in the sunken church and rings when a storm comes.", "places", 5, false);
    private static final LoreContent LAMP = new LoreContent("The Lighthouse Lamp", List.of("lamp"),
            "The lamp of the lighthouse turns all night; the keeper trims its wick at dusk.", "places", 5, false);
    private static final LoreContent NETS = new LoreContent("The Mending Sheds", List.of("nets"),
            "Fishers mend their nets in the long sheds by the harbour, and gossip about the storm.", "places", 5, false);

    private static SentenceEmbedder house;

    private final OpenSearchClient client = SearchIndexFixture.client();
    private final String worldId = "recall-world-" + UUID.randomUUID();
    private final String storyId = "recall-story-" + UUID.randomUUID();

    @BeforeAll
    static void load() {
        house = SentenceEmbedder.bundled();
    }

    @AfterAll
    static void close() {
        house.close();
    }

    @Test
    void theRecallNamesTheActionsWordsEachEntryMatchedAndRanksAsTheHighlightedSearch() throws IOException {
        TextEmbedder embedder = houseEmbedder();
        String bellId = "lore-" + UUID.randomUUID();
        String lampId = "lore-" + UUID.randomUUID();
        String netsId = "lore-" + UUID.randomUUID();
        LoreIndexProjection lore = new LoreIndexProjection(client, embedder);
        deliver(lore, "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        deliver(lore, "World", worldId, 2, new LoreEntryAdded(worldId, lampId, LAMP, "owner"));
        deliver(lore, "World", worldId, 3, new LoreEntryAdded(worldId, netsId, NETS, "owner"));
        client.indices().refresh(r -> r.index(SearchIndex.LORE.indexName()));

        String action = "I listen for the bells in the storm";
        List<LoreHit> recalled = new TurnRecallSearch(client, embedder)
                .handle(new RecallForTurn(worldId, storyId, action, 3, 1)).lore();
        List<LoreHit> searched = new LoreRetrieval(client, embedder, null)
                .handle(new SearchLore(worldId, Actor.system(), action, 3)).hits();

        assertThat(recalled).extracting(LoreHit::loreEntryId)
                .as("the same entries in the same order as the admin's search")
                .containsExactlyElementsOf(searched.stream().map(LoreHit::loreEntryId).toList());
        assertThat(recalled).extracting(LoreHit::score)
                .containsExactlyElementsOf(searched.stream().map(LoreHit::score).toList());
        LoreHit bell = recalled.stream().filter(hit -> hit.loreEntryId().equals(bellId)).findFirst().orElseThrow();
        // the action's own word, matched through the analyzer's stemming; stop words are never named
        assertThat(bell.reason().matchedTerms()).containsExactlyInAnyOrder("bells", "storm");
        assertThat(bell.highlights()).as("the narrator asks for no fragments").isEmpty();
        LoreHit nets = recalled.stream().filter(hit -> hit.loreEntryId().equals(netsId)).findFirst().orElseThrow();
        assertThat(nets.reason().matchedTerms()).containsExactly("storm");
        recalled.stream().filter(hit -> hit.loreEntryId().equals(lampId)).findFirst()
                .ifPresent(lamp -> assertThat(lamp.reason().matchedTerms()).as("matched by meaning alone").isEmpty());
        // the admin's search names the document's own words from its highlights
        LoreHit searchedBell = searched.stream().filter(hit -> hit.loreEntryId().equals(bellId)).findFirst().orElseThrow();
        assertThat(searchedBell.reason().matchedTerms()).contains("bell", "storm");
        assertThat(searchedBell.highlights()).anyMatch(fragment -> fragment.contains("<em>bell</em>"));
    }

    /** The application's {@code EmbedTexts} handler with the bundled embedder. */
    private static TextEmbedder houseEmbedder() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(Embeddings.houseOnly(house)).subscribe(bus);
        return new TextEmbedder(DefaultQueryGateway.builder().queryBus(bus).build());
    }
}
