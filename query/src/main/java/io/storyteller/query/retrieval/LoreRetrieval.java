package io.storyteller.query.retrieval;

import io.storyteller.domain.retrieval.LoreHit;
import io.storyteller.domain.retrieval.LoreHits;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link SearchLore}: hybrid retrieval over the world's live lore entries. */
@Component
public class LoreRetrieval {

    private static final List<String> FIELDS = List.of("title^2", "triggerKeys^2", "content");

    private final OpenSearchClient client;
    private final HybridSearch search;
    private final TextEmbedder embedder;
    private final SearchAccess access;

    public LoreRetrieval(OpenSearchClient client, TextEmbedder embedder, JdbcClient jdbc) {
        this.client = client;
        this.search = new HybridSearch(client);
        this.embedder = embedder;
        this.access = new SearchAccess(jdbc);
    }

    @QueryHandler
    public LoreHits handle(SearchLore query) {
        access.checkWorld(query.worldId(), query.viewer());
        QueryVector vector = QueryVector.of(client, embedder, SearchIndex.LORE, query.worldId(), query.text());
        return hits(search.search(List.of(ask(query.worldId(), query.text(), vector, query.first()))).getFirst());
    }

    /** The hybrid search for a world's live lore entries. */
    static HybridSearch.Ask ask(String worldId, String text, QueryVector vector, int first) {
        List<Query> filters = List.of(
                Query.of(q -> q.term(t -> t.field("worldId").value(FieldValue.of(worldId)))),
                Query.of(q -> q.term(t -> t.field("retired").value(FieldValue.of(false)))));
        return new HybridSearch.Ask(SearchIndex.LORE.indexName(), filters, FIELDS, text, vector, first,
                List.of("loreEntryId", "title"), true);
    }

    static LoreHits hits(List<HybridSearch.Fused> found) {
        return new LoreHits(found.stream()
                .map(hit -> new LoreHit(hit.id(), (String) hit.source().get("title"), hit.score(), hit.reason(),
                        hit.highlights()))
                .toList());
    }
}
