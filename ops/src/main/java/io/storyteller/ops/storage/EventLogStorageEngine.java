package io.storyteller.ops.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine for the event log, with each stored event's time read once.
 * <p>
 * Axon's own engine keeps a read event's time as the stored ISO-8601 text and parses it with a
 * {@code DateTimeFormatter} whenever it is asked: once per event to decide whether a gap in the
 * global index may still fill, and again when a handler or a monitor reads the message's time. Every
 * event processor reads the whole log, so a rebuild paid that once or twice per event and processor
 * (about a microsecond each). Here the time is parsed once, as the row is read ({@link StoredTimes}),
 * and kept beside the text.
 * <p>
 * The tracking token of each event is worked out exactly as Axon's engine does (the gap settings
 * below are given to Axon's builder too, so its gap cleaning agrees); everything else, writing
 * included, is Axon's engine unchanged.
 */
public final class EventLogStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set explicitly so this engine and Axon's code share them. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    private EventLogStorageEngine(Builder builder) {
        super(builder);
    }

    /** The engine {@code builder} describes, with the gap settings above. */
    public static EventLogStorageEngine of(Builder builder) {
        return new EventLogStorageEngine(builder
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // an event no aggregate published is stored with its own identifier as the aggregate's
        TimedEntry<?> event = entry(resultSet,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);
        return new TrackedDomainEventData<>(nextToken(previousToken, globalSequence, event.getTimestamp()), event);
    }

    /**
     * The token after the event at {@code globalSequence}, as Axon's engine works it out: an event
     * younger than the gap timeout leaves the positions it skipped as gaps that may still fill (a
     * transaction not yet committed); an older one closes them.
     */
    static GapAwareTrackingToken nextToken(GapAwareTrackingToken previous, long globalSequence, Instant time) {
        boolean allowGaps = time.isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        if (previous == null) {
            return GapAwareTrackingToken.newInstance(
                    globalSequence,
                    allowGaps
                            ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                    .boxed()
                                    .collect(Collectors.toCollection(TreeSet::new))
                            : Collections.emptySortedSet());
        }
        return previous.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(resultSet);
    }

    @Override
    protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
        return entry(resultSet);
    }

    private DomainEventData<?> entry(ResultSet resultSet) throws SQLException {
        return entry(resultSet, resultSet.getString(schema().aggregateIdentifierColumn()),
                resultSet.getString(schema().eventIdentifierColumn()));
    }

    private TimedEntry<?> entry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        EventSchema schema = schema();
        return new TimedEntry<>(
                resultSet.getString(schema.typeColumn()),
                aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose time was parsed as it was read. */
    static final class TimedEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant time;

        TimedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                   Object storedTime, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTime, payloadType,
                  payloadRevision, payload, metaData);
            this.time = StoredTimes.instant(storedTime);
        }

        @Override
        public Instant getTimestamp() {
            return time;
        }
    }
}
