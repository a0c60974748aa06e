package io.storyteller.command.narration;

import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.story.StoryStatus;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;

/** The read side the narration engine and its watchers query: deployments and the watched story. */
final class FakeReadModel {

    /** The world's narrator deployment; null: none. */
    volatile NarratorRoute route;
    final List<Object> queries = new CopyOnWriteArrayList<>();

    @QueryHandler
    NarratorRoute handle(FindNarratorRoute query) {
        queries.add(query);
        return route;
    }

    /** The initial answer of a story's subscription, which narration progress updates follow. */
    @QueryHandler
    StoryView handle(WatchStory query) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new StoryView(query.storyId(), StoryFixtures.WORLD, "The Ash Road", "alice", List.of("alice"),
                StoryStatus.ACTIVE, null, null, 0, true, now, now);
    }
}
