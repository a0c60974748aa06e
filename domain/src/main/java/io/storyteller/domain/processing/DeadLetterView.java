package io.storyteller.domain.processing;

import java.time.Instant;

/**
 * An event a processing group could not handle, parked in its dead-letter queue with the others of
 * its sequence (a story, a world, …) while every other sequence goes on.
 *
 * @param sequence   the sequence it blocks: the id of the aggregate whose events it is part of
 * @param index      its place within the sequence's dead letters (the lowest failed first, the others wait behind it)
 * @param eventType  the event's payload type (simple class name)
 * @param causeType  what the handler threw (simple class name); {@code causeMessage} its message
 * @param lastTouched when it was last tried (its enqueueing, or the latest retry)
 */
public record DeadLetterView(String processingGroup,
        String sequence,
        long index,
        String eventType,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {
}
