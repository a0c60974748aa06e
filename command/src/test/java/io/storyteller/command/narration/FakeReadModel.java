package io.storyteller.command.narration;

import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.ResolveNarrator;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindRecentBeats;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;

/** The read side as the narration engine queries it, held in memory for tests. */
final class FakeReadModel {

    volatile WorldView world = StoryFixtures.world();
    volatile StoryView story = StoryFixtures.story(null, null);
    final List<LoreEntryView> lore = new ArrayList<>();
    final List<BeatView> beats = new ArrayList<>();
    /** The world's narrator deployment; null: none. */
    volatile NarratorRoute route;
    final List<Object> queries = new CopyOnWriteArrayList<>();

    @QueryHandler
    Optional<WorldView> handle(FindWorld query) {
        queries.add(query);
        return Optional.ofNullable(world).filter(w -> w.worldId().equals(query.worldId()));
    }

    @QueryHandler
    List<LoreEntryView> handle(FindLoreEntries query) {
        queries.add(query);
        return List.copyOf(lore);
    }

    @QueryHandler
    Optional<StoryView> handle(FindStory query) {
        queries.add(query);
        return Optional.ofNullable(story);
    }

    @QueryHandler
    BeatPage handle(FindRecentBeats query) {
        queries.add(query);
        List<BeatView> last = beats.subList(Math.max(0, beats.size() - query.limit()), beats.size());
        return new BeatPage(List.copyOf(last), beats.size() > last.size(), false, beats.size());
    }

    @QueryHandler
    NarratorRoute handle(ResolveNarrator query) {
        queries.add(query);
        return route;
    }

    @QueryHandler
    StoryView handle(WatchStory query) {
        return story;
    }
}
