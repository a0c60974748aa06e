package io.storyteller.ops.storage.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.ops.storage.StoredJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One aggregate's stream as an older version of the platform stored it, read from
 * {@code stored-events/} on the test classpath: the {@code domainevententry} columns of each event,
 * its payload and metadata as the bytes that version wrote.
 */
public record StoredEventFixture(String aggregateType, String aggregateIdentifier, List<Row> rows) {

    /** One {@code domainevententry} row, without its global index (the database assigns it). */
    public record Row(long sequenceNumber, String eventIdentifier, String timestamp, String payloadType,
            String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private static final ObjectMapper JSON = StoredJson.mapper();

    public static StoredEventFixture load(String name) {
        try (InputStream in = StoredEventFixture.class.getResourceAsStream("/stored-events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture stored-events/" + name);
            }
            JsonNode file = JSON.readTree(in);
            List<Row> rows = new ArrayList<>();
            for (JsonNode event : file.get("events")) {
                JsonNode revision = event.get("payloadRevision");
                rows.add(new Row(event.get("sequenceNumber").asLong(), event.get("eventIdentifier").asText(),
                        event.get("timestamp").asText(), event.get("payloadType").asText(),
                        revision == null || revision.isNull() ? null : revision.asText(),
                        bytes(event.get("payload")), bytes(event.get("metaData"))));
            }
            return new StoredEventFixture(file.get("aggregateType").asText(), file.get("aggregateIdentifier").asText(),
                    List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored bytes: the JSON as written in the file, compact, in its own field order. */
    private static byte[] bytes(JsonNode json) throws IOException {
        return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The rows as Axon's storage engine hands them to the upcasters. */
    public List<DomainEventData<?>> entries() {
        return rows.stream().<DomainEventData<?>>map(row -> new GenericDomainEventEntry<>(aggregateType, aggregateIdentifier,
                row.sequenceNumber(), row.eventIdentifier(), row.timestamp(), row.payloadType(), row.payloadRevision(),
                row.payload(), row.metaData())).toList();
    }

    /** Appends the rows to the event store's table in one statement batch, as the older version committed them. */
    public void insertInto(JdbcTemplate jdbc) {
        jdbc.batchUpdate("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(row -> new Object[] {aggregateIdentifier,
                row.sequenceNumber(), aggregateType, row.eventIdentifier(), row.metaData(), row.payload(),
                row.payloadRevision(), row.payloadType(), row.timestamp()}).toList());
    }
}
