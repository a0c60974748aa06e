package io.storyteller.ops.e2e;

import static org.awaitility.Awaitility.await;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.awaitility.core.ConditionTimeoutException;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The read models of some processing groups: their tables' rows, taken only while the groups'
 * processors have handled every event in the log and no new event arrives, and a way to rebuild
 * them by resetting the processors' tokens.
 */
final class ReplayReadModels {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final NamedParameterJdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final List<String> groups;
    private final List<String> tables;
    /** Why the last look found the read models unsettled, for the failure message. */
    private volatile String obstacle = "nothing yet";

    /** @param tables the groups' tables; each one's first two columns order its rows completely */
    ReplayReadModels(NamedParameterJdbcTemplate jdbc, EventProcessingConfiguration processing, EventStore eventStore,
            List<String> groups, List<String> tables) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.eventStore = eventStore;
        this.groups = List.copyOf(groups);
        this.tables = List.copyOf(tables);
    }

    /**
     * The tables' rows as of a moment when the processors had handled every event in the log: the
     * log's head is read before and after the rows, and a snapshot is taken again until it stands still.
     */
    Settled settled() {
        try {
            return await("the projections to handle every event while the log stands still").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(this::settledNow, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + obstacle, e);
        }
    }

    /** Stops each group's processor, resets its tokens (its reset handlers clear its tables) and starts it again. */
    void replay() {
        for (String group : groups) {
            StreamingEventProcessor processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    private Settled settledNow() {
        LogHead head = head();
        if (!handledEverything(head)) {
            return null;
        }
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        tables.forEach(table -> rows.put(table, rows(table)));
        if (!head.equals(head())) {
            obstacle = "the log moved on from " + head + " while the rows were read";
            return null;
        }
        return handledEverything(head) ? new Settled(head, rows) : null;
    }

    /** The head token's index, and the number of events: an event committed late under a lower index changes it. */
    private LogHead head() {
        TrackingToken token = eventStore.createHeadToken();
        long index = token == null ? -1 : token.position().orElse(-1);
        Long events = jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return new LogHead(index, events == null ? 0 : events);
    }

    /**
     * Every segment of every group claimed and past every event up to the head (gaps included). Not
     * "not replaying": a reset processor counts as replaying until it handles an event newer than the reset.
     */
    private boolean handledEverything(LogHead head) {
        for (String group : groups) {
            StreamingEventProcessor processor = processor(group);
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            double claimed = segments.stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
            if (!processor.isRunning() || processor.isError() || Math.abs(claimed - 1.0) > 1e-9) {
                obstacle = group + ": running " + processor.isRunning() + ", error " + processor.isError()
                        + ", claimed " + claimed + " of its segments";
                return false;
            }
            for (EventTrackerStatus segment : segments) {
                if (segment.isErrorState() || !covers(segment.getTrackingToken(), head)) {
                    obstacle = group + " segment " + segment.getSegment().getSegmentId() + " at "
                            + segment.getTrackingToken() + ", log head " + head
                            + (segment.isErrorState() ? ", error " + segment.getError() : "");
                    return false;
                }
            }
        }
        return true;
    }

    private boolean covers(TrackingToken token, LogHead head) {
        if (head.index() < 0) {
            return true;
        }
        TrackingToken position = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (!(position instanceof GapAwareTrackingToken gapAware)) {
            return position != null && position.position().orElse(-1) >= head.index();
        }
        if (gapAware.getIndex() < head.index()) {
            return false;
        }
        // A gap is an index the processor skipped; it must not be an event that exists by now.
        SortedSet<Long> gaps = gapAware.getGaps().headSet(head.index() + 1);
        return gaps.isEmpty() || Objects.equals(0L, jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex IN (:gaps)", Map.of("gaps", gaps), Long.class));
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no streaming event processor " + group));
    }

    private List<Map<String, Object>> rows(String table) {
        // Table names come from this test's own list, never from input.
        return jdbc.getJdbcTemplate().queryForList("SELECT * FROM " + table + " ORDER BY 1, 2").stream()
                .map(ReplayReadModels::comparable).toList();
    }

    /** A row with arrays as lists and jsonb as PostgreSQL's own (normalised) text, so rows compare by value. */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> plain = new LinkedHashMap<>();
        row.forEach((column, value) -> plain.put(column, comparable(value)));
        return plain;
    }

    private static Object comparable(Object value) {
        try {
            if (value instanceof Array array) {
                return Arrays.asList((Object[]) array.getArray());
            }
            if (value instanceof PGobject json) {
                return json.getValue();
            }
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record LogHead(long index, long events) {
    }

    /** The rows of each table, by table name, and the log's head they reflect. */
    record Settled(LogHead head, Map<String, List<Map<String, Object>>> tables) {

        List<Map<String, Object>> rows(String table) {
            return tables.get(table);
        }
    }
}
