package io.storyteller.ops.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * (c) Projection catch-up: a processor is shut down, its tokens reset (its reset handlers empty
 * its tables), started again, and timed until every segment is at the head of the log. Its read
 * model must hold as many rows afterwards as before.
 */
final class ProjectionCatchUp {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, List<String>> TABLES = Map.of(
            "stories", List.of("stories", "story_participants", "beats"),
            "worlds", List.of("worlds", "world_members", "lore_entries", "house_model_versions"));

    record Result(String group, long events, long head, int segments, double resetSeconds, double catchUpSeconds,
                  Map<String, Long> rows) {

        double eventsPerSecond() {
            return events / catchUpSeconds;
        }
    }

    private final Processors processors;
    private final JdbcClient jdbc;
    private final Duration limit;

    ProjectionCatchUp(Processors processors, JdbcClient jdbc, Duration limit) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.limit = limit;
    }

    Result run(String group) {
        StreamingEventProcessor processor = processors.named(group);
        long head = processors.headIndex();
        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        int segments = Processors.awaitAtHead(processor, head, 0, SETTLE_TIMEOUT);
        Map<String, Long> rowsBefore = rows(group);

        processor.shutDown();
        long t0 = System.nanoTime();
        processor.resetTokens();
        long t1 = System.nanoTime();
        processor.start();
        Processors.awaitAtHead(processor, head, segments, limit);
        long t2 = System.nanoTime();

        Map<String, Long> rowsAfter = rows(group);
        if (!rowsAfter.equals(rowsBefore)) {
            throw new IllegalStateException("read model of '" + group + "' differs after the replay: "
                    + rowsBefore + " before, " + rowsAfter + " after");
        }
        return new Result(group, events, head, segments, (t1 - t0) / 1e9, (t2 - t1) / 1e9, rowsAfter);
    }

    private Map<String, Long> rows(String group) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES.get(group)) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }
}
