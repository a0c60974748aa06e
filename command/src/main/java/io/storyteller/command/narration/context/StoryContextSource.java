package io.storyteller.command.narration.context;

import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.FindRecentBeats;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Fetches a story's context from the read models through the query gateway, as the platform
 * itself ({@link Actor#system()}). The four queries run at once.
 */
public class StoryContextSource {

    private final QueryGateway queries;
    private final Duration timeout;
    private final int recentBeats;

    public StoryContextSource(QueryGateway queries, Duration timeout, int recentBeats) {
        this.queries = queries;
        this.timeout = timeout;
        this.recentBeats = recentBeats;
    }

    /**
     * @throws CannotNarrateException when the world is unknown: narrating without it would be guesswork
     */
    public StoryContext fetch(String worldId, String storyId) {
        Actor system = Actor.system();
        CompletableFuture<Optional<WorldView>> world = queries.query(
                new FindWorld(worldId, system), ResponseTypes.optionalInstanceOf(WorldView.class));
        CompletableFuture<List<LoreEntryView>> lore = queries.query(
                new FindLoreEntries(worldId, system, false), ResponseTypes.multipleInstancesOf(LoreEntryView.class));
        CompletableFuture<Optional<StoryView>> story = queries.query(
                new FindStory(storyId, system), ResponseTypes.optionalInstanceOf(StoryView.class));
        CompletableFuture<BeatPage> beats = queries.query(
                new FindRecentBeats(storyId, system, recentBeats), ResponseTypes.instanceOf(BeatPage.class));

        WorldView worldView = await(world, "FindWorld").orElseThrow(
                () -> new CannotNarrateException("world " + worldId + " is not known to the narrator"));
        List<LoreEntryView> active = await(lore, "FindLoreEntries").stream().filter(e -> !e.retired()).toList();
        BeatPage page = await(beats, "FindRecentBeats");
        return new StoryContext(worldView, active, await(story, "FindStory").orElse(null),
                page == null ? List.of() : page.beats());
    }

    private <T> T await(CompletableFuture<T> future, String query) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(query + " interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException(query + " timed out after " + timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(query + " failed", e.getCause());
        }
    }
}
