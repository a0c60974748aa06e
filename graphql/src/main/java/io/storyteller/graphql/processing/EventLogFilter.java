package io.storyteller.graphql.processing;

import java.time.OffsetDateTime;

/** The audit explorer's filter, as the schema's input type. */
public record EventLogFilter(String aggregateId,
        String aggregateType,
        String eventType,
        OffsetDateTime from,
        OffsetDateTime to) {
}
