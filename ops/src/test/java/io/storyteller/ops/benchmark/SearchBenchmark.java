package io.storyteller.ops.benchmark;

import ai.onnxruntime.OrtEnvironment;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.projections.schema.TextEmbedder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A runnable benchmark of retrieval on OpenSearch, not a test (never run by {@code mvn verify}):
 * (c) the embedded node's startup, alone and inside the application; (b) indexing during a replay
 * of the event log ({@link SearchReplay}); (a) lore retrieval p50/p99 in a world with 100,000 entries
 * ({@link LoreRetrievalLoad}). The application runs on its own embedded PostgreSQL and OpenSearch
 * under a fresh data directory, without the seed world. Settings ({@code -D...}, all optional):
 * {@code bench.nodeStarts} (3), {@code bench.replayLore} (2000), {@code bench.replayStories} (10),
 * {@code bench.replayTurns} (100 per story), {@code bench.loreEntries} (100000),
 * {@code bench.warmupQueries} (200), {@code bench.queries} (2000), {@code bench.storyBeats} (4800: the
 * recalled story's memory, a story of 2,400 turns), {@code bench.otherStories} (20, as long), {@code bench.phaseSeconds} (900),
 * {@code bench.dataRoot}, {@code bench.parts} ("c,b,a": which of the three run; the application always starts).
 */
public final class SearchBenchmark {

    private static final String NARRATION = "narration";
    /** The process's own stdout: the embedded node redirects System.out into its log once it starts. */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        silenceVendorCalls();
        int exitCode = 0;
        ConfigurableApplicationContext context = null;
        StringBuilder report = new StringBuilder();
        try {
            Path root = Path.of(System.getProperty("bench.dataRoot",
                    Files.isDirectory(Path.of("ops", "src")) ? "ops/target/benchmark-data" : "target/benchmark-data"));
            Path run = Files.createTempDirectory(Files.createDirectories(root).toAbsolutePath(), "search-");
            Duration limit = Duration.ofSeconds(Integer.getInteger("bench.phaseSeconds", 900));
            line(report, "== Search benchmark, %s, JDK %s, %d cores, data under %s ==", Instant.now(), Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), run);

            Set<String> parts = Set.of(System.getProperty("bench.parts", "c,b,a").split(","));
            if (parts.contains("c")) {
                List<Double> nodeStarts = SearchNodeStartup.measure(run.resolve("nodes"), Integer.getInteger("bench.nodeStarts", 3));
                line(report, "(c) embedded node start, one JVM each (fresh directory, until yellow): %s ms; median %.0f ms; %s",
                        nodeStarts.stream().map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList(),
                        SearchNodeStartup.median(nodeStarts), load());
            }

            long bootStart = System.nanoTime();
            context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                    "--server.port=0",
                    "--storyteller.data-dir=" + run.resolve("app"),
                    "--storyteller.opensearch.uris=",
                    "--storyteller.seed.enabled=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.io.storyteller=WARN",
                    "--logging.level.org.springframework.core.annotation=ERROR");
            double bootSeconds = (System.nanoTime() - bootStart) / 1e9;
            Object searchHealth = context.getBean(HealthEndpoint.class).healthForPath("search").getStatus();
            line(report, "(c) application start with its embedded node and PostgreSQL (fresh data directory): %.1f s, search health %s; %s",
                    bootSeconds, searchHealth, load());

            CommandGateway commands = context.getBean(CommandGateway.class);
            Processors processors = new Processors(context.getBean(EventProcessingConfiguration.class),
                    context.getBean(EventStore.class), context.getBean(TokenStore.class), context.getBean(TransactionManager.class));
            // nothing may narrate the replay world's actions: its narrations are recorded by the benchmark
            processors.named(NARRATION).shutDown();
            OpenSearchClient client = context.getBean(OpenSearchClient.class);

            if (parts.contains("b")) {
                SearchReplay replay = new SearchReplay(commands, processors, context.getBean(JdbcClient.class), client, limit);
                int replayLore = Integer.getInteger("bench.replayLore", 2000);
                int stories = Integer.getInteger("bench.replayStories", 10);
                int turns = Integer.getInteger("bench.replayTurns", 100);
                line(report, "(b) indexing during replay: %d lore entries, %d stories of %d turns (%d beats), rebuilt by rebuildSearchIndexes; both groups replay at once",
                        replayLore, stories, turns, 2 * stories * turns);
                line(report, "    %-12s %14s %15s %10s %9s %10s %16s", "group", "events in log", "events handled", "documents",
                        "claim s", "total s", "events/s");
                for (SearchReplay.Result result : replay.run("bench-replay-world", replayLore, stories, turns)) {
                    line(report, "    %-12s %14d %15d %10d %9.2f %10.2f %16.1f", result.group(), result.eventsInLog(), result.eventsHandled(),
                            result.documents(), result.claimSeconds(), result.seconds(), result.eventsPerSecond());
                }
                line(report, "    %s", load());
            }

            if (parts.contains("a")) {
                String worldId = "bench-lore-world";
                commands.sendAndWait(new CreateWorld(worldId, new WorldSettings("Many-lore coast (search benchmark)",
                        "A coast with a hundred thousand figures.", "mystery", "brooding", ContentRating.TEEN, "Second person."),
                        new Actor("bench-lore-owner", Set.of(PlatformRole.WORLD_ADMIN))));
                LoreRetrievalLoad retrieval = new LoreRetrievalLoad(client, context.getBean(QueryGateway.class), context.getBean(TextEmbedder.class));
                if (Boolean.getBoolean("bench.breakdown")) {
                    retrieval.run(worldId, Integer.getInteger("bench.loreEntries", 100_000), 10, 10);
                    SearchCostBreakdown.run(client, context.getBean(TextEmbedder.class), worldId, report);
                } else {
                    LoreRetrievalLoad.Result result = retrieval.run(worldId, Integer.getInteger("bench.loreEntries", 100_000),
                            Integer.getInteger("bench.warmupQueries", 200), Integer.getInteger("bench.queries", 2000));
                    line(report, "(a) lore retrieval: %d entries in one world, bulk-loaded in %.1f s, merges settled %.1f s later (%d segments); %d SearchLore queries (first 10) one at a time after warm-up",
                            result.entries(), result.loadSeconds(), result.mergeSeconds(), result.segments(), result.queries());
                    line(report, "    SearchLore through the query gateway: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms; %.1f hits a query",
                            result.search().percentileMillis(0.50), result.search().percentileMillis(0.95), result.search().percentileMillis(0.99),
                            result.search().percentileMillis(1.0), result.search().meanMillis(), result.meanHits());
                    line(report, "    story memory: %d beats in the recalled story, %d in %d other stories of the world, bulk-loaded and merges settled in %.1f s",
                            result.storyBeats(), result.otherBeats(), result.otherBeats() / Math.max(1, result.storyBeats()),
                            result.beatsLoadSeconds());
                    line(report, "    RecallForTurn, the narrator's path (6 lore entries and 4 beats of that story's memory, one _msearch): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                            result.turnRecall().percentileMillis(0.50), result.turnRecall().percentileMillis(0.95),
                            result.turnRecall().percentileMillis(0.99), result.turnRecall().percentileMillis(1.0));
                    line(report, "    RecallForTurn in a story its recent window holds whole (lore alone): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                            result.turnRecallLoreOnly().percentileMillis(0.50), result.turnRecallLoreOnly().percentileMillis(0.95),
                            result.turnRecallLoreOnly().percentileMillis(0.99), result.turnRecallLoreOnly().percentileMillis(1.0));
                    line(report, "    of which embedding the question (same questions, alone): p50 %.2f ms, p99 %.2f ms",
                            result.embedding().percentileMillis(0.50), result.embedding().percentileMillis(0.99));
                    line(report, "    beside it, a new text embedded as an indexed document's (kept vectors read first): p50 %.2f ms, p99 %.2f ms",
                            result.embeddingIndexed().percentileMillis(0.50), result.embeddingIndexed().percentileMillis(0.99));
                }
                line(report, "    %s", load());
            }
        } catch (Throwable e) {
            line(report, "Benchmark failed: %s", e);
            e.printStackTrace(OUT);
            exitCode = 1;
        } finally {
            if (context != null) {
                context.close();
            }
        }
        OUT.println();
        OUT.print(report);
        OUT.flush();
        System.exit(exitCode);
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        OUT.println(text);
        report.append(text).append('\n');
    }

    private static String load() {
        return String.format(Locale.ROOT, "load average (1 min) %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** As the application's main does: no phone-home, no console banner, no ONNX Runtime telemetry. */
    private static void silenceVendorCalls() {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        System.getProperties().putIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.core.impl.Log4jContextFactory");
        try {
            OrtEnvironment.getEnvironment().setTelemetry(false);
        } catch (Exception | LinkageError e) {
            OUT.println("ONNX Runtime telemetry switch skipped: " + e);
        }
    }
}
