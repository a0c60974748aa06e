package io.storyteller.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The engine reads every stored event as Axon's own JDBC engine does, the same rows giving the same
 * events and tracking tokens, gaps included; it only parses each event's time once.
 */
class EventLogStorageEngineTest {

    private static final EventSchema SCHEMA = new EventSchema();
    private static final Instant NOW = Instant.now();

    private final EventLogStorageEngine engine = EventLogStorageEngine.of(parts());
    private final AxonsEngine axons = new AxonsEngine();

    @Test
    void tracksTheLogAsAxonsEngineDoesGapsIncluded() throws SQLException {
        List<ResultSet> rows = List.of(
                row(3, "e3", NOW.minus(2, ChronoUnit.HOURS)),   // the first event read: old, so no gaps before it
                row(4, "e4", NOW.minus(90, ChronoUnit.MINUTES)),
                row(7, "e7", NOW.minus(1, ChronoUnit.HOURS)),   // skips 5 and 6, old enough to close them
                row(9, "e9", NOW.minusSeconds(5)),              // skips 8, young: 8 may still commit
                row(12, "e12", NOW.minusSeconds(2)),            // skips 10 and 11
                row(13, "e13", NOW.minusSeconds(1)));

        List<TrackedEventData<?>> ours = track(rows, null, engine::getTrackedEventData);
        List<TrackedEventData<?>> theirs = track(rows, null, axons::trackedEventData);

        assertSame(ours, theirs);
        assertThat(((GapAwareTrackingToken) ours.getLast().trackingToken()).getGaps()).containsExactly(8L, 10L, 11L);
    }

    @Test
    void aFirstEventStillYoungLeavesEveryEarlierPositionAGapAsAxonsEngineDoes() throws SQLException {
        List<ResultSet> rows = List.of(row(4, "e4", NOW.minusSeconds(3)), row(6, "e6", NOW.minusSeconds(2)));

        List<TrackedEventData<?>> ours = track(rows, null, engine::getTrackedEventData);

        assertSame(ours, track(rows, null, axons::trackedEventData));
        assertThat(((GapAwareTrackingToken) ours.getLast().trackingToken()).getGaps()).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void aTokenCarryingGapsFillsThemAsAxonsEngineDoes() throws SQLException {
        GapAwareTrackingToken from = GapAwareTrackingToken.newInstance(20, List.of(15L, 18L));
        List<ResultSet> rows = List.of(row(18, "e18", NOW.minusSeconds(4)), row(22, "e22", NOW.minusSeconds(3)));

        List<TrackedEventData<?>> ours = track(rows, from, engine::getTrackedEventData);

        assertSame(ours, track(rows, from, axons::trackedEventData));
        assertThat(((GapAwareTrackingToken) ours.getLast().trackingToken()).getGaps()).containsExactly(15L, 21L);
    }

    @Test
    void readsEveryTimeTextAxonsParserReadsAndRefusesWhatItRefuses() throws SQLException {
        for (String stored : List.of("2026-12-07T11:50:11.123Z", "2026-12-07T11:50:11Z", "2026-12-07t11:50:11.123456789z",
                "2026-12-07T12:50:11.123+01:00", "2026-12-07T11:50Z", "2026-12-07T11:50:11.5-03:30")) {
            DomainEventData<?> ours = engine.getDomainEventData(row(1, "e1", stored));
            assertThat(ours.getTimestamp()).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
            assertThat(ours.getTimestamp()).as(stored).isEqualTo(axons.domainEventData(row(1, "e1", stored)).getTimestamp());
        }
        assertThatThrownBy(() -> engine.getDomainEventData(row(1, "e1", "yesterday at noon")))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void anAggregatesEventsAndSnapshotsKeepEveryStoredField() throws SQLException {
        ResultSet stored = row(5, "e5", "2026-12-07T11:50:11.123Z");

        DomainEventData<?> ours = engine.getDomainEventData(stored);
        DomainEventData<?> theirs = axons.domainEventData(stored);

        assertThat(ours).usingRecursiveComparison().ignoringFields("time").isEqualTo(theirs);
        assertThat(ours.getTimestamp()).isEqualTo(Instant.parse("2026-12-07T11:50:11.123Z"));
        assertThat(engine.getSnapshotData(stored)).usingRecursiveComparison().ignoringFields("time").isEqualTo(theirs);
    }

    private static void assertSame(List<TrackedEventData<?>> ours, List<TrackedEventData<?>> theirs) {
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).trackingToken()).isEqualTo(theirs.get(i).trackingToken());
            assertThat(ours.get(i).getEventIdentifier()).isEqualTo(theirs.get(i).getEventIdentifier());
            assertThat(ours.get(i).getTimestamp()).isEqualTo(theirs.get(i).getTimestamp());
            assertThat(ours.get(i).getPayload().getData()).isEqualTo(theirs.get(i).getPayload().getData());
        }
    }

    private interface Reader {
        TrackedEventData<?> read(ResultSet row, GapAwareTrackingToken previous) throws SQLException;
    }

    private static List<TrackedEventData<?>> track(List<ResultSet> rows, GapAwareTrackingToken from, Reader reader)
            throws SQLException {
        List<TrackedEventData<?>> read = new ArrayList<>();
        GapAwareTrackingToken previous = from;
        for (ResultSet row : rows) {
            TrackedEventData<?> next = reader.read(row, previous);
            read.add(next);
            previous = (GapAwareTrackingToken) next.trackingToken();
        }
        return read;
    }

    private static ResultSet row(long globalIndex, String eventId, Instant time) throws SQLException {
        return row(globalIndex, eventId, DateTimeUtils.formatInstant(time));
    }

    /** One stored event, as the engine's query returns it. */
    private static ResultSet row(long globalIndex, String eventId, String storedTime) throws SQLException {
        Map<String, Object> columns = Map.of(
                SCHEMA.globalIndexColumn(), globalIndex,
                SCHEMA.aggregateIdentifierColumn(), "story-1",
                SCHEMA.eventIdentifierColumn(), eventId,
                SCHEMA.typeColumn(), "Story",
                SCHEMA.sequenceNumberColumn(), globalIndex - 1,
                SCHEMA.timestampColumn(), storedTime,
                SCHEMA.payloadTypeColumn(), "io.storyteller.domain.story.StoryStarted",
                SCHEMA.payloadRevisionColumn(), "2",
                SCHEMA.payloadColumn(), ("{\"event\":\"" + eventId + "\"}").getBytes(),
                SCHEMA.metaDataColumn(), "{}".getBytes());
        ResultSet row = mock(ResultSet.class);
        when(row.getLong(anyString())).thenAnswer(call -> ((Number) columns.get(call.<String>getArgument(0))).longValue());
        when(row.getString(anyString())).thenAnswer(call -> (String) columns.get(call.<String>getArgument(0)));
        when(row.getBytes(anyString())).thenAnswer(call -> (byte[]) columns.get(call.<String>getArgument(0)));
        return row;
    }

    private static JdbcEventStorageEngine.Builder parts() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(() -> {
                    throw new SQLException("no database in this test");
                })
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
    }

    /** Axon's engine, as Axon builds it, its row readers opened to this test. */
    private static final class AxonsEngine extends JdbcEventStorageEngine {

        AxonsEngine() {
            super(parts());
        }

        TrackedEventData<?> trackedEventData(ResultSet row, GapAwareTrackingToken previous) throws SQLException {
            return getTrackedEventData(row, previous);
        }

        DomainEventData<?> domainEventData(ResultSet row) throws SQLException {
            return getDomainEventData(row);
        }
    }
}
