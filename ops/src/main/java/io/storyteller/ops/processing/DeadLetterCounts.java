package io.storyteller.ops.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many sequences each processing group has parked in its dead-letter queue, read from the
 * queue's table in one grouped query and kept for a few seconds: a scrape asking for every group
 * costs one query, not one per group.
 */
@Component
public class DeadLetterCounts {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private Map<String, Long> counts = Map.of();
    private Instant readAt = Instant.MIN;

    DeadLetterCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sequences dead-lettered in the group (0 when none). */
    public synchronized long sequences(String processingGroup) {
        Instant now = Instant.now();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            Map<String, Long> read = new HashMap<>();
            jdbc.sql("SELECT processinggroup, count(DISTINCT sequenceidentifier) FROM deadletterentry GROUP BY processinggroup")
                    .query((row, i) -> read.put(row.getString(1), row.getLong(2))).list();
            counts = Map.copyOf(read);
            readAt = now;
        }
        return counts.getOrDefault(processingGroup, 0L);
    }
}
