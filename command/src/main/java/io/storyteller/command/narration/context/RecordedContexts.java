package io.storyteller.command.narration.context;

import io.storyteller.domain.story.PlayerActionSubmitted;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The narration context of a past turn, as it was when the player acted: the story's events up to
 * and including the action, the world's events up to that moment, folded by the same folds as a live
 * narration's context ({@link NarrationContexts}). A replay then asks a model with the context the
 * recorded narrator had (recall from the search index excepted: the index holds today's beats).
 */
public class RecordedContexts {

    private final EventStore events;
    private final int recentBeats;

    public RecordedContexts(EventStore events, int recentBeats) {
        this.events = events;
        this.recentBeats = recentBeats;
    }

    /** Empty when the story holds no such action or its world is unknown. */
    public Optional<StoryContext> before(String worldId, String storyId, String actionBeatId) {
        StoryWindow story = new StoryWindow(recentBeats);
        // Unbounded while folding, so that an erase reaching before the window is applied in full.
        story.reset();
        Instant actedAt = null;
        DomainEventStream stream = events.readEvents(storyId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            story.apply(event.getPayload());
            if (event.getPayload() instanceof PlayerActionSubmitted action && action.actionBeatId().equals(actionBeatId)) {
                actedAt = event.getTimestamp();
                break;
            }
        }
        if (actedAt == null) {
            return Optional.empty();
        }
        story.bound();
        WorldContext world = new WorldContext();
        DomainEventStream worldEvents = events.readEvents(worldId);
        while (worldEvents.hasNext()) {
            DomainEventMessage<?> event = worldEvents.next();
            if (event.getTimestamp().isAfter(actedAt)) {
                break;
            }
            world.apply(event.getPayload());
        }
        if (!world.known()) {
            return Optional.empty();
        }
        return Optional.of(new StoryContext(world.settings(), world.lorebook(), story.authorsNote(), story.pinnedMemory(),
                story.participants(), story.recentBeats(), world.policy(), story.factEvents(), story.firstPosition()));
    }
}
