package io.storyteller.domain.processing;

import java.time.Instant;

/**
 * A dead letter in full, for an operator deciding whether to retry or evict it.
 *
 * @param eventType    the payload's full class name
 * @param payload      the event's payload as stored (JSON)
 * @param metadata     the event's metadata (JSON)
 * @param causeType    the full class name of what the handler threw
 * @param diagnostics  what the queue recorded beside the cause (JSON), when anything
 * @param aggregateType the type of the aggregate the event belongs to, when it is a domain event
 */
public record DeadLetterDetail(DeadLetterView letter,
        String eventIdentifier,
        String eventType,
        Instant eventTimestamp,
        String aggregateType,
        String aggregateId,
        Long aggregateSequence,
        String payload,
        String metadata,
        String causeType,
        String causeMessage,
        String diagnostics) {
}
