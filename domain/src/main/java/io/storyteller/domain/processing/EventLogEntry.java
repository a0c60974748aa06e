package io.storyteller.domain.processing;

import java.time.Instant;

/**
 * One event of the log as stored.
 *
 * @param eventType the payload's simple class name; {@code payloadType} the full one
 * @param payload   the payload as stored (JSON)
 */
public record EventLogEntry(long globalIndex,
        String aggregateId,
        String aggregateType,
        long aggregateSequence,
        String eventType,
        String payloadType,
        Instant timestamp,
        String payload) {
}
