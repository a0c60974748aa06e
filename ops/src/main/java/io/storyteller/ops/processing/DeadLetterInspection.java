package io.storyteller.ops.processing;

import io.storyteller.domain.processing.DeadLetterDetail;
import io.storyteller.domain.processing.FindDeadLetter;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One dead letter in full, read from the queue's table: the event as stored (its serializer writes
 * JSON), its metadata, the cause and the queue's diagnostics. Platform admins only: payloads may
 * hold player text.
 */
@Component
class DeadLetterInspection {

    private static final String SELECT = """
            SELECT processinggroup, sequenceidentifier, sequenceindex, payloadtype, causetype, causemessage, enqueuedat,
                   lasttouched, eventidentifier, timestamp, type, aggregateidentifier, sequencenumber, payload, metadata,
                   diagnostics
            FROM deadletterentry
            WHERE processinggroup = :group AND sequenceidentifier = :sequence
              AND sequenceindex >= :index
            ORDER BY sequenceindex
            LIMIT 1""";

    private final JdbcClient jdbc;

    DeadLetterInspection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<DeadLetterDetail> handle(FindDeadLetter query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return Optional.empty();
        }
        String group = Require.text("processingGroup", query.processingGroup(), 200);
        String sequence = Require.text("sequence", query.sequence(), 255);
        if (query.index() != null && query.index() < 0) {
            throw DomainRejection.invalid("index", "not-negative", "index must not be negative");
        }
        long index = query.index() == null ? 0 : query.index();
        Optional<DeadLetterDetail> letter = jdbc.sql(SELECT).param("group", group).param("sequence", sequence)
                .param("index", index).query(DeadLetterInspection::detail).optional();
        if (letter.isEmpty() || query.index() != null && letter.get().letter().index() != index) {
            throw DomainRejection.notFound("sequence", "no dead letter of sequence " + sequence + " in " + group
                    + (query.index() == null ? "" : " at index " + index));
        }
        return letter;
    }

    private static DeadLetterDetail detail(ResultSet row, int i) throws SQLException {
        String timestamp = row.getString("timestamp");
        Long aggregateSequence = row.getObject("sequencenumber", Long.class);
        return new DeadLetterDetail(DeadLetters.view(row, i), row.getString("eventidentifier"), row.getString("payloadtype"),
                timestamp == null ? null : Instant.parse(timestamp), row.getString("type"), row.getString("aggregateidentifier"),
                aggregateSequence, text(row.getBytes("payload")), text(row.getBytes("metadata")),
                row.getString("causetype"), row.getString("causemessage"), text(row.getBytes("diagnostics")));
    }

    private static String text(byte[] stored) {
        return stored == null ? null : new String(stored, StandardCharsets.UTF_8);
    }
}
