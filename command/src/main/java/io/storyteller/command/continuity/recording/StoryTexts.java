package io.storyteller.command.continuity.recording;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The beats of stories as they now stand, read from each Story's own event stream: every event
 * committed before the one being handled is there, so nothing is waited for or polled. The folds
 * of the most recently read stories are kept, at most {@code capacity}. A story's events are
 * handled in one processing segment, so its fold is rarely contended; it is locked all the same.
 */
class StoryTexts {

    private final EventStore events;
    private final Map<String, StoryBeatTexts> stories;

    StoryTexts(EventStore events, int capacity) {
        this.events = events;
        this.stories = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoryBeatTexts> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The beat as its story now holds it; empty when the story does not hold it. */
    Optional<BeatToRead> beat(String storyId, String beatId) {
        StoryBeatTexts story;
        synchronized (stories) {
            story = stories.computeIfAbsent(storyId, id -> new StoryBeatTexts());
        }
        synchronized (story) {
            DomainEventStream stream = events.readEvents(storyId, story.nextSequence());
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                story.apply(event.getPayload(), event.getSequenceNumber());
            }
            return story.beat(beatId);
        }
    }
}
