package io.storyteller.domain.processing;

import java.util.List;

/**
 * A page of the event log.
 *
 * @param hasMore whether entries follow the last one in the chosen order
 */
public record EventLogPage(List<EventLogEntry> entries,
        boolean hasMore) {

    public EventLogPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
