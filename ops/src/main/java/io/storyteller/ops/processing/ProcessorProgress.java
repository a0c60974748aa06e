package io.storyteller.ops.processing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where each streaming event processor of this instance stands against the head of the event log:
 * the segments it has claimed, their positions, whether one is in error. Read from Axon's own
 * tracker statuses, so it costs no database call; segments claimed by other instances are theirs to report.
 */
@Component
public class ProcessorProgress {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;

    ProcessorProgress(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Every streaming processor of this instance, by name. */
    public List<Standing> standings() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return List.of();
        }
        long head = head();
        return config.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(entry -> standing(entry.getKey(), (StreamingEventProcessor) entry.getValue(), head))
                .sorted(Comparator.comparing(Standing::name))
                .toList();
    }

    /** The index of the newest event in the log; -1 when it is empty. */
    long head() {
        EventStore store = eventStore.getIfAvailable();
        TrackingToken token = store == null ? null : store.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    static Standing standing(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        long lowest = Long.MAX_VALUE;
        int errors = 0;
        String error = null;
        for (EventTrackerStatus status : statuses.values()) {
            if (status.isErrorState()) {
                errors++;
                error = status.getError() == null ? "unknown" : status.getError().getClass().getSimpleName();
            }
            OptionalLong position = status.getCurrentPosition();
            lowest = Math.min(lowest, position.isPresent() ? position.getAsLong() : -1);
        }
        long position = statuses.isEmpty() ? head : lowest;
        boolean replaying = statuses.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        return new Standing(name, processor.isRunning(), statuses.size(), position, head, Math.max(0, head - position),
                errors, error, replaying);
    }

    /**
     * One processor's standing.
     *
     * @param claimedSegments segments this instance processes (0: all claimed elsewhere, or none yet)
     * @param position        the lowest position of its claimed segments; the head when it claims none
     * @param lag             events between that position and the head of the log
     * @param errorSegments   claimed segments in error; {@code error} names the latest error's type
     */
    public record Standing(String name, boolean running, int claimedSegments, long position, long head, long lag,
            int errorSegments, String error, boolean replaying) {
    }
}
