package io.storyteller.graphql.retrieval;

import io.storyteller.domain.retrieval.LoreHit;
import io.storyteller.domain.retrieval.LoreHits;
import io.storyteller.domain.retrieval.RetrievalReason;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.SearchStory;
import io.storyteller.domain.retrieval.StoryHit;
import io.storyteller.domain.retrieval.StoryHits;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Admin search over lore and story memory; the query side decides who may search what. */
@Controller
public class SearchQueryFields {

    private final QueryGateway queries;

    public SearchQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<LoreHit>> searchLore(@Argument String worldId, @Argument String text,
                                                       @Argument int first, Actor actor) {
        return queries.query(new SearchLore(worldId, actor, text, first), LoreHits.class).thenApply(LoreHits::hits);
    }

    @QueryMapping
    public CompletableFuture<List<StoryHit>> searchStory(@Argument String storyId, @Argument String text,
                                                         @Argument int first, @Argument int beforePosition, Actor actor) {
        return queries.query(new SearchStory(storyId, actor, text, beforePosition, first), StoryHits.class)
                .thenApply(StoryHits::hits);
    }

    @SchemaMapping(typeName = "RetrievalReason", field = "description")
    public String description(RetrievalReason reason) {
        return reason.describe();
    }
}
