package io.storyteller.graphql.story;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.StoryView;
import io.storyteller.graphql.limits.GraphQlLimits;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Pages through a story's beats: Relay's first/after become FindBeats' page size and position. */
@Controller
public class BeatPages {

    private final QueryGateway queries;
    private final GraphQlLimits limits;

    public BeatPages(QueryGateway queries, GraphQlLimits limits) {
        this.queries = queries;
        this.limits = limits;
    }

    @SchemaMapping(typeName = "Story", field = "beats")
    public CompletableFuture<BeatConnection> beats(StoryView story, @Argument Integer first, @Argument String after,
            Actor actor) {
        int size = Require.range("first", first == null ? limits.defaultPageSize() : first, 1, limits.maxPageSize());
        int afterPosition = after == null ? 0 : BeatCursor.position(after);
        return queries.query(new FindBeats(story.storyId(), actor, afterPosition, size), ResponseTypes.instanceOf(BeatPage.class))
                .thenApply(BeatConnection::of);
    }
}
