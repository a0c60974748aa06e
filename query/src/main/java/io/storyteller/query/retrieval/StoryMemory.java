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
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("storyId").value(FieldValue.of(query.storyId())))));
        if (query.beforePosition() > 0) {
            filters.add(Query.of(q -> q.range(r -> r.field("position").lt(org.opensearch.client.json.JsonData.of(query.beforePosition())))));
        }
        return new StoryHits(search.search(SearchIndex.BEATS.indexName(), filters, List.of("text"), query.text(), vector,
                        query.first(), List.of("beatId", "position", "kind", "text"))
                .stream()
                .map(hit -> new StoryHit(hit.id(), ((Number) hit.source().get("position")).intValue(),
                        BeatKind.valueOf((String) hit.source().get("kind")), (String) hit.source().get("text"),
                        hit.score(), hit.reason(), hit.highlights()))
                .toList());
    }
}
