package io.storyteller.ops.benchmark;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.storage.StoredJson;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rebuilding the search indexes from a long log: {@code -Dbench.events} events of played stories
 * ({@link CorpusLog}, default 100,000) and {@code -Dbench.loreEntries} more lore entries (default
 * 20,000, in worlds of 1,000) are written straight into the event table with every processor
 * stopped; then each search index processor is reset and timed alone to the head of the log twice:
 * cold (the kept vectors emptied, so every text is embedded) and warm (every vector kept). Both runs
 * must leave the same documents. Prints seconds, events of the log per second, the events the
 * group handles per second, the documents indexed, and the kept vectors' size. At most
 * {@code -Dbench.limit} (default PT30M) per run. Run like {@link ReplayBenchmark} (docs/benchmarks.md).
 */
public final class SearchReplayBenchmark {

    private static final int LORE_PER_WORLD = 1000;
    private static final List<String> SAMPLE = List.of("a-0-0", "n-0-0", "a-1-3", "n-7-5", "n-40-12", "a-99-23", "lore-extra-3-7");

    private SearchReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NarrationBenchmark.silenceVendorCalls();
        System.getProperties().putIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.core.impl.Log4jContextFactory");
        long events = Long.getLong("bench.events", 100_000L);
        int lore = Integer.getInteger("bench.loreEntries", 20_000);
        Duration limit = Duration.parse(System.getProperty("bench.limit", "PT30M"));
        Path root = Path.of(System.getProperty("bench.dataRoot", "ops/target/search-replay-benchmark")).toAbsolutePath();
        Files.createDirectories(root);
        int exitCode = 0;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                    "--server.port=0",
                    "--storyteller.data-dir=" + Files.createTempDirectory(root, "run-"),
                    "--storyteller.opensearch.uris=", // the application's own node, in its data directory
                    "--storyteller.seed.enabled=false",
                    "--storyteller.house-model.enabled=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.io.storyteller=WARN",
                    "--logging.level.org.springframework.core.annotation=ERROR");
            run(context, events, lore, limit);
        } catch (Throwable e) {
            System.out.println("Benchmark failed: " + e);
            e.printStackTrace(System.out);
            exitCode = 1;
        } finally {
            if (context != null) {
                context.close();
            }
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private static void run(ConfigurableApplicationContext context, long events, int lore, Duration limit) throws Exception {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(processor -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
            }
        });
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        OpenSearchClient client = context.getBean(OpenSearchClient.class);
        long t0 = System.nanoTime();
        long written = new CorpusLog().append(dataSource, events) + appendLore(dataSource, lore);
        long head = context.getBean(EventStore.class).createHeadToken().position().orElse(-1);
        System.out.printf("appended %,d events in %.1f s; head index %,d; %s, load %.1f at start%n", written,
                (System.nanoTime() - t0) / 1e9, head, Instant.now(), load());

        System.out.printf("%-12s %-5s %9s %12s %14s %10s %14s %6s%n", "group", "run", "seconds", "log ev/s",
                "handled ev/s", "documents", "kept vectors", "load");
        for (String group : List.of(LoreIndexProjection.GROUP, BeatIndexProjection.GROUP)) {
            StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(group).orElseThrow();
            SearchIndex index = group.equals(LoreIndexProjection.GROUP) ? SearchIndex.LORE : SearchIndex.BEATS;
            long handled = handled(jdbc, group);
            Map<String, Object> sample = null;
            for (String run : List.of("cold", "warm")) {
                if (run.equals("cold")) {
                    jdbc.sql("TRUNCATE embedding_vectors").update();
                }
                processor.resetTokens();
                long started = System.nanoTime();
                processor.start();
                awaitHead(processor, head, limit);
                processor.shutDown();
                double seconds = (System.nanoTime() - started) / 1e9;
                client.indices().refresh(r -> r.index(index.indexName()));
                long documents = client.count(c -> c.index(index.indexName())).count();
                long kept = jdbc.sql("SELECT count(*) FROM embedding_vectors").query(Long.class).single();
                long bytes = jdbc.sql("SELECT pg_total_relation_size('embedding_vectors')").query(Long.class).single();
                System.out.printf("%-12s %-5s %9.1f %,12.0f %,14.0f %,10d %,8d (%,.0f kB per 1,000) %6.1f%n", group, run, seconds,
                        (head + 1) / seconds, handled / seconds, documents, kept, kept == 0 ? 0.0 : bytes / 1024.0 / kept * 1000,
                        load());
                Map<String, Object> now = sample(client, index);
                if (sample != null && !sample.equals(now)) {
                    throw new IllegalStateException("the warm rebuild left other documents than the cold one: " + sample + " / " + now);
                }
                sample = now;
            }
        }
    }

    /** {@code count} lore entries in worlds of {@link #LORE_PER_WORLD}, each a text of its own. */
    private static long appendLore(DataSource dataSource, int count) throws Exception {
        String insert = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                + " payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, 'World', ?, '{}'::bytea, ?, NULL, ?, ?)";
        var json = StoredJson.mapper();
        long written = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(insert)) {
            connection.setAutoCommit(false);
            for (int entry = 0; entry < count; entry++) {
                int world = entry / LORE_PER_WORLD;
                String worldId = "lore-world-" + world;
                List<Object> payloads = new ArrayList<>();
                if (entry % LORE_PER_WORLD == 0) {
                    payloads.add(new WorldCreated(worldId, new WorldSettings("Lore world " + world, "An archive of tides.",
                            "mystery", "quiet", ContentRating.TEEN, "second person"), "owner"));
                }
                payloads.add(new LoreEntryAdded(worldId, "lore-extra-" + world + "-" + entry % LORE_PER_WORLD,
                        new LoreContent("Archive " + entry, List.of("archive" + entry), "Shelf " + entry + " of the tide archive holds a map"
                                + " of reef " + entry % 97 + " and the keeper's note number " + entry + ".", "places", 3, false), "owner"));
                for (Object payload : payloads) {
                    long sequence = entry % LORE_PER_WORLD + (payload instanceof WorldCreated ? 0 : 1);
                    statement.setString(1, worldId);
                    statement.setLong(2, sequence);
                    statement.setString(3, UUID.randomUUID().toString());
                    statement.setBytes(4, json.writeValueAsBytes(payload));
                    statement.setString(5, payload.getClass().getName());
                    statement.setString(6, Instant.parse("2026-02-01T00:00:00Z").plusMillis(written * 100).toString());
                    statement.addBatch();
                    written++;
                }
                if (entry % 2000 == 1999) {
                    statement.executeBatch();
                    connection.commit();
                }
            }
            statement.executeBatch();
            connection.commit();
        }
        return written;
    }

    private static long handled(JdbcClient jdbc, String group) {
        List<String> types = group.equals(LoreIndexProjection.GROUP)
                ? List.of("io.storyteller.domain.world.LoreEntryAdded", "io.storyteller.domain.world.LoreEntryRevised",
                "io.storyteller.domain.world.LoreEntryRetired", "io.storyteller.domain.world.WorldArchived")
                : List.of("io.storyteller.domain.story.PlayerActionSubmitted", "io.storyteller.domain.story.NarrationRecorded",
                "io.storyteller.domain.story.NarrationAlternativeSelected", "io.storyteller.domain.story.BeatEdited",
                "io.storyteller.domain.story.BeatsErased");
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype IN (:types)").param("types", types)
                .query(Long.class).single();
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Object> sample(OpenSearchClient client, SearchIndex index) throws Exception {
        Map<String, Object> sources = new LinkedHashMap<>();
        for (String id : SAMPLE) {
            var response = client.get(g -> g.index(index.indexName()).id(id), Map.class);
            if (response.found()) {
                sources.put(id, response.source());
            }
        }
        return sources;
    }

    private static void awaitHead(StreamingEventProcessor processor, long head, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean reported = false;
        while (System.nanoTime() < deadline) {
            var statuses = processor.processingStatus().values();
            if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            if (!reported && statuses.stream().anyMatch(EventTrackerStatus::isErrorState)) {
                reported = true;
                System.out.println("  (a segment is in error, retrying: " + processor.getName() + ")");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(processor.getName() + " did not reach the head within " + limit);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
