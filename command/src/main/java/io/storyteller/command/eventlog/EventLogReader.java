package io.storyteller.command.eventlog;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Reads the event log in global order, streaming: from just after a token up to an index, one
 * event at a time, never holding more than the store's fetch batch. What the house models' corpora
 * and the corpus exporter share. Payloads are deserialised only when a consumer asks for them.
 */
public final class EventLogReader {

    /** How long to wait for the next event before the bound is taken as reached (e.g. across a gap in the log). */
    private static final int READ_WAIT_SECONDS = 2;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;

    public EventLogReader(StreamableMessageSource<TrackedEventMessage<?>> events) {
        this.events = events;
    }

    /** The global index of the newest event; empty for an empty log. */
    public OptionalLong head() {
        TrackingToken head = events.createHeadToken();
        if (head == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(head.position().orElse(Long.MAX_VALUE));
    }

    /**
     * The index of the last event appended before the first one stamped at or after {@code time}
     * (-1 when there is none before it); the head when no event is that late.
     */
    public long lastIndexBefore(Instant time) {
        TrackingToken token = events.createTokenAt(time);
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * Hands every event after {@code after} (null: from the start) up to global index {@code until}
     * (inclusive) to {@code each}, in order; answers the token of the last event read, or {@code after}.
     */
    public TrackingToken read(TrackingToken after, long until, Consumer<TrackedEventMessage<?>> each) {
        TrackingToken last = after;
        long lastIndex = after == null ? -1 : after.position().orElse(-1);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(after)) {
            while (lastIndex < until && stream.hasNextAvailable(READ_WAIT_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.peek().orElse(null);
                long index = event == null ? lastIndex + 1 : event.trackingToken().position().orElse(lastIndex + 1);
                if (index > until) {
                    break;
                }
                event = stream.nextAvailable();
                last = event.trackingToken();
                lastIndex = index;
                each.accept(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
        return last;
    }
}
