package io.storyteller.command.narration.context;

import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.domain.world.WorldSettings;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The narration context of worlds and stories, kept from the World's and the Story's own event
 * streams. Before each narration the world's and the story's folds read only the events appended
 * since they last read (by aggregate and sequence number: an indexed read of a few rows). Every
 * event committed before the action being narrated is in those streams, so the context always holds
 * it: nothing to wait for, nothing to poll. The folds of the most recently narrated worlds and
 * stories are kept, at most {@code capacity} of each.
 */
public class NarrationContexts {

    private final EventStore events;
    private final int recentBeats;
    private final RecentlyUsed<WorldContext> worlds;
    private final RecentlyUsed<StoryWindow> stories;

    /**
     * @param recentBeats how many of a story's last beats the context holds
     * @param capacity    how many worlds, and how many stories, keep their folds between narrations
     */
    public NarrationContexts(EventStore events, int recentBeats, int capacity) {
        this.events = events;
        this.recentBeats = recentBeats;
        this.worlds = new RecentlyUsed<>(capacity);
        this.stories = new RecentlyUsed<>(capacity);
    }

    /** The story's context as of every event committed so far; empty when the world does not exist. */
    public Optional<StoryContext> contextFor(String worldId, String storyId) {
        WorldContext world = worlds.get(worldId, WorldContext::new);
        WorldSettings settings;
        Lorebook lore;
        NarrationPolicy policy;
        // Narrations of two stories may read one world at once: one brings it up to date, the other waits.
        synchronized (world) {
            catchUp(worldId, world);
            if (!world.known()) {
                return Optional.empty();
            }
            settings = world.settings();
            lore = world.lorebook();
            policy = world.policy();
        }
        StoryWindow story = stories.get(storyId, () -> new StoryWindow(recentBeats));
        synchronized (story) {
            catchUp(storyId, story);
            if (story.stale()) {
                story.reset();
                catchUp(storyId, story);
                story.bound();
            }
            return Optional.of(new StoryContext(settings, lore, story.authorsNote(),
                    story.pinnedMemory(), story.participants(), story.recentBeats(), policy, story.factEvents(),
                    story.firstPosition()));
        }
    }

    /** The world's lore as the narrator reads it, as of every event committed so far; empty when the world does not exist. */
    public Optional<Lorebook> lorebookOf(String worldId) {
        WorldContext world = worlds.get(worldId, WorldContext::new);
        synchronized (world) {
            catchUp(worldId, world);
            return world.known() ? Optional.of(world.lorebook()) : Optional.empty();
        }
    }

    /** The world a story is told in and that world's settings; empty when either is unknown. */
    public Optional<WorldOfStory> worldOf(String storyId) {
        StoryWindow story = stories.get(storyId, () -> new StoryWindow(recentBeats));
        String worldId;
        List<String> participants;
        int beats;
        synchronized (story) {
            catchUp(storyId, story);
            worldId = story.worldId();
            participants = story.participants();
            beats = story.beats();
        }
        if (worldId == null) {
            return Optional.empty();
        }
        WorldContext world = worlds.get(worldId, WorldContext::new);
        synchronized (world) {
            catchUp(worldId, world);
            return world.known() ? Optional.of(new WorldOfStory(worldId, world.settings(), participants, beats))
                    : Optional.empty();
        }
    }

    /** A story's world and its settings, the story's players and how many beats it holds. */
    public record WorldOfStory(String worldId, WorldSettings settings, List<String> participants, int beats) {
    }

    private void catchUp(String aggregateId, AggregateFold fold) {
        DomainEventStream stream = events.readEvents(aggregateId, fold.nextSequence());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            fold.apply(event.getPayload());
            fold.applied(event.getSequenceNumber());
        }
    }
}
