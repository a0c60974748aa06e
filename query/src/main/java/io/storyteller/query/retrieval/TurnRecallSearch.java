package io.storyteller.query.retrieval;

import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.TurnRecall;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.stereotype.Component;

/**
 * Answers {@link RecallForTurn}: the action embedded once, then the lore and story-memory
 * searches, BM25 and k-NN each, in one {@code _msearch}; without a vector (the embedder did not
 * answer) both search by BM25 alone. Story memory is searched among the beats older than the
 * turn's recent window only, and not at all while the window holds the whole story. A turn waits for this before its prompt is
 * assembled, so it is one embedding and one round trip, not two of each, and no highlights: the
 * turn records which words each hit matched, not fragments, and those are found from the hits'
 * text here.
 */
@Component
public class TurnRecallSearch {

    private final OpenSearchClient client;
    private final HybridSearch search;
    private final TextEmbedder embedder;

    public TurnRecallSearch(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.search = new HybridSearch(client);
        this.embedder = embedder;
    }

    @QueryHandler
    public TurnRecall handle(RecallForTurn query) {
        TextEmbedder.Embedded action = QueryVector.embedded(embedder, query.worldId(), query.action());
        HybridSearch.Ask lore = LoreRetrieval.ask(query.worldId(), query.action(),
                QueryVector.in(client, SearchIndex.LORE, query.worldId(), action), query.loreHits()).unhighlighted();
        if (!query.searchesMemory()) {
            return new TurnRecall(LoreRetrieval.hits(search.search(List.of(lore)).getFirst()).hits(), List.of());
        }
        List<List<HybridSearch.Fused>> found = search.search(List.of(lore,
                StoryMemory.ask(query.storyId(), query.windowStart(), query.action(),
                        QueryVector.in(client, SearchIndex.BEATS, query.worldId(), action), query.memoryHits())
                        .unhighlighted()));
        return new TurnRecall(LoreRetrieval.hits(found.get(0)).hits(), StoryMemory.hits(found.get(1)).hits());
    }
}
