package io.storyteller.ops.e2e;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the event store, to show that a request turned away left no fact behind. The platform's
 * own house-model versions are left out: it records them on a world whenever it retrains, by itself.
 */
final class AccessEventLog {

    private static final String NOT_THE_PLATFORMS_OWN = " AND payloadtype NOT LIKE '%.HouseModelTrained'";

    private final JdbcTemplate jdbc;

    AccessEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events recorded on these aggregates, plus any event whose payload mentions the text. */
    long footprint(String text, String... aggregateIds) {
        return recordedFor(aggregateIds) + mentioning(text);
    }

    long recordedFor(String... aggregateIds) {
        List<String> ids = List.of(aggregateIds);
        return ids.isEmpty() ? 0 : jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN ("
                + String.join(",", ids.stream().map(id -> "?").toList()) + ")" + NOT_THE_PLATFORMS_OWN,
                Long.class, ids.toArray());
    }

    /** Events whose payload (JSON) contains the text. */
    long mentioning(String text) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE position(? IN convert_from(payload, 'UTF8')) > 0"
                + NOT_THE_PLATFORMS_OWN, Long.class, text);
    }
}
