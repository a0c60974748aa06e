package io.storyteller.ops.processing;

import io.storyteller.domain.processing.BrowseEventLog;
import io.storyteller.domain.processing.EventLogEntry;
import io.storyteller.domain.processing.EventLogPage;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit explorer: the event log as stored in the JDBC event store, a page at a time, for
 * platform admins only (payloads hold player text). Reads the table, not the event store's API, so
 * that it can filter by type and time without streaming the whole log. On Axon Server there is no
 * such table: it says so (UNAVAILABLE), pointing to Axon Server's own event search, rather than
 * answering an empty log.
 */
@Component
class EventLogBrowser {

    static final String ON_AXON_SERVER = "the event log explorer reads the JDBC event store; on Axon Server,"
            + " browse the log with Axon Server's own console (its Search page)";

    private final JdbcClient jdbc;
    private final boolean onEventTable;

    EventLogBrowser(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.onEventTable = !(eventStore instanceof AxonServerEventStore);
    }

    @QueryHandler
    EventLogPage handle(BrowseEventLog browse) {
        if (!AccessPolicy.hasPlatformAuthority(browse.viewer())) {
            return new EventLogPage(List.of(), false);
        }
        if (!onEventTable) {
            throw DomainRejection.unavailable("eventLog", "jdbc-event-store", ON_AXON_SERVER);
        }
        EventLogQuery query = EventLogQuery.of(browse);
        List<EventLogEntry> rows = jdbc.sql(query.sql()).params(query.params()).query(EventLogBrowser::entry).list();
        boolean more = rows.size() > query.pageSize();
        return new EventLogPage(more ? rows.subList(0, query.pageSize()) : rows, more);
    }

    private static EventLogEntry entry(ResultSet row, int i) throws SQLException {
        String payloadType = row.getString("payloadtype");
        return new EventLogEntry(row.getLong("globalindex"), row.getString("aggregateidentifier"), row.getString("type"),
                row.getLong("sequencenumber"), payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType,
                Instant.parse(row.getString("timestamp")), new String(row.getBytes("payload"), StandardCharsets.UTF_8));
    }
}
