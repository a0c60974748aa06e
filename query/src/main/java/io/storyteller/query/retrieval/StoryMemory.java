package io.storyteller.query.retrieval;

import io.storyteller.domain.retrieval.SearchStory;
import io.storyteller.domain.retrieval.StoryHit;
import io.storyteller.domain.retrieval.StoryHits;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link SearchStory}: hybrid retrieval over a story's beats older than a position. */
@Component
public class StoryMemory {

    private final OpenSearchClient client;
    private final HybridSearch search;
    private final TextEmbedder embedder;
    private final SearchAccess access;

    public StoryMemory(OpenSearchClient client, TextEmbedder embedder, JdbcClient jdbc) {
        this.client = client;
        this.search = new HybridSearch(client);
        this.embedder = embedder;
        this.access = new SearchAccess(jdbc);
    }

    @QueryHandler
    public StoryHits handle(SearchStory query) {
        String worldId = access.checkStory(query.storyId(), query.viewer());
        QueryVector vector = QueryVector.of(client, embedder, SearchIndex.BEATS, worldId, query.text());
        return hits(search.search(List.of(ask(query.storyId(), query.beforePosition(), query.text(), vector,
                query.first()))).getFirst());
    }

    /** The hybrid search for a story's beats before a position (1-based; 0: every beat). */
    static HybridSearch.Ask ask(String storyId, int beforePosition, String text, QueryVector vector, int first) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("storyId").value(FieldValue.of(storyId)))));
        if (beforePosition > 0) {
            filters.add(Query.of(q -> q.range(r -> r.field("position").lt(JsonData.of(beforePosition)))));
        }
        return new HybridSearch.Ask(SearchIndex.BEATS.indexName(), filters, List.of("text"), text, vector, first,
                List.of("beatId", "position", "kind", "text"), true);
    }

    static StoryHits hits(List<HybridSearch.Fused> found) {
        return new StoryHits(found.stream()
                .map(hit -> new StoryHit(hit.id(), ((Number) hit.source().get("position")).intValue(),
                        BeatKind.valueOf((String) hit.source().get("kind")), (String) hit.source().get("text"),
                        hit.score(), hit.reason(), hit.highlights()))
                .toList());
    }
}
