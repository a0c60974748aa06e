package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;
import java.time.Instant;

/**
 * A page of the event log (the audit explorer), filtered by any of aggregate id, aggregate type,
 * event type (simple or full class name) and time range ({@code from} inclusive, {@code to}
 * exclusive), newest first unless {@code oldestFirst}. {@code after} is the global index of the
 * last entry of the previous page. Answers an {@link EventLogPage}; empty to anyone but platform
 * admins and the platform.
 */
public record BrowseEventLog(String aggregateId,
        String aggregateType,
        String eventType,
        Instant from,
        Instant to,
        Long after,
        int first,
        boolean oldestFirst,
        Actor viewer) {
}
