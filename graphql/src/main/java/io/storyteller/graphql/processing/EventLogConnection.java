package io.storyteller.graphql.processing;

import io.storyteller.domain.processing.EventLogEntry;
import io.storyteller.domain.processing.EventLogPage;
import java.util.List;

/** A page of the event log as a Relay connection; the cursors stand for the entries' global indexes. */
public record EventLogConnection(List<Edge> edges, EventLogPageInfo pageInfo) {

    static EventLogConnection of(EventLogPage page, boolean afterACursor) {
        List<Edge> edges = page.entries().stream().map(entry -> new Edge(EventCursor.of(entry.globalIndex()), entry)).toList();
        return new EventLogConnection(edges, new EventLogPageInfo(page.hasMore(), afterACursor,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    public record Edge(String cursor, EventLogEntry node) {
    }
}
