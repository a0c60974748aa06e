package io.storyteller.ops.benchmark;

import io.storyteller.command.continuity.recording.StoryFactRecorder;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.cli.StorytellerCommand;
import io.storyteller.projections.schema.SearchIndex;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Total recovery, timed phase by phase: the application starts on a fresh data directory and
 * {@code -Dbench.events} events of played stories ({@link CorpusLog}, default 1,000,000) are written
 * into its event table (processors stopped, as in {@link ReplayBenchmark}); {@code storyteller backup
 * create} backs it up while it runs; it stops; {@code storyteller backup restore} restores the backup
 * into a new data directory; the application starts there (with an OpenSearch node of its own, empty)
 * and is timed until it is ready, then until every processor reached the head of the log (each one's
 * time printed as it gets there, at most {@code -Dbench.limit}, default PT30M). House model and
 * classifier training are off, as in ReplayBenchmark.
 * <p>
 * A server that served the log had embedded each text its search indexes hold and kept the vectors
 * ({@code embedding_vectors}); with {@code -Dbench.keptVectors=true} (the default) the served
 * directory gets them as {@link StandInVectors} and the backup keeps them ({@code --with-vectors}),
 * as an operator backing up a production server would; {@code false} measures the cold rebuild,
 * which embeds every text again. With {@code -Dbench.readModels=true} the served application's
 * processors first catch up with the appended log (not timed as part of the recovery: a served
 * server has its read models), and the backup holds the read models and a snapshot of the search
 * indexes ({@code --with-read-models}). {@code -Dbench.fromBackup=DIR} restores an earlier run's backup
 * instead, timing only the recovery. Run from the repository root after building
 * the test classpath (see docs/benchmarks.md); not part of {@code mvn verify}.
 */
public final class RecoveryBenchmark {

    /**
     * Standard error as a file descriptor: the embedded OpenSearch node takes System.out over into its
     * logging, and a restarted node's output was lost.
     */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    /** The processors that start at the head of the log and never act on history. */
    private static final List<String> HEAD_ONLY = List.of("narration", "platform-metrics");

    private RecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NarrationBenchmark.silenceVendorCalls();
        long events = Long.getLong("bench.events", 1_000_000L);
        Duration limit = Duration.parse(System.getProperty("bench.limit", "PT30M"));
        boolean keptVectors = Boolean.parseBoolean(System.getProperty("bench.keptVectors", "true"));
        boolean readModels = Boolean.parseBoolean(System.getProperty("bench.readModels", "false"));
        Path root = Path.of(System.getProperty("bench.dataRoot", "ops/target/recovery-benchmark")).toAbsolutePath();
        Files.createDirectories(root);
        Path run = Files.createTempDirectory(root, "run-");
        int exitCode = 0;
        try {
            run(run, events, limit, keptVectors, readModels);
        } catch (Throwable e) {
            OUT.println("Benchmark failed: " + e);
            e.printStackTrace(OUT);
            exitCode = 1;
        }
        OUT.flush();
        System.exit(exitCode);
    }

    private static void run(Path run, long events, Duration limit, boolean keptVectors, boolean readModels) throws Exception {
        Path served = run.resolve("served");
        String earlierBackup = System.getProperty("bench.fromBackup");
        Path backup = earlierBackup == null ? run.resolve("backup") : Path.of(earlierBackup).toAbsolutePath();
        Path restored = run.resolve("restored");
        if (earlierBackup == null) {
            serveAndBackUp(served, backup, events, limit, keptVectors, readModels);
        } else {
            OUT.printf("restoring the earlier backup %s%n", backup);
        }
        restoreAndServe(backup, restored, limit);
    }

    /** Serves a log of {@code events} events and backs the running application up into {@code backup}. */
    private static void serveAndBackUp(Path served, Path backup, long events, Duration limit, boolean keptVectors,
                                       boolean readModels) throws Exception {
        long written;
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext original = start(served)) {
            OUT.printf("fresh start: %.1f s (data in %s)%n", seconds(t0), served.getParent());
            original.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(processor -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    streaming.shutDown();
                }
            });
            long t1 = System.nanoTime();
            DataSource dataSource = original.getBean(DataSource.class);
            if (keptVectors) {
                TextEmbeddings probe = original.getBean(QueryGateway.class)
                        .query(new EmbedTexts("world-0", List.of("probe")), TextEmbeddings.class).get();
                StandInVectors vectors = new StandInVectors(dataSource, probe.embedder(), probe.dimensions());
                try (vectors) {
                    written = new CorpusLog().reportingIndexedTexts(vectors::keep).append(dataSource, events);
                }
                OUT.printf("appended %,d events and kept %,d stand-in vectors of %s: %.1f s%n", written,
                        vectors.kept(), probe.embedder(), seconds(t1));
            } else {
                written = new CorpusLog().append(dataSource, events);
                OUT.printf("appended %,d events: %.1f s%n", written, seconds(t1));
            }

            if (readModels) {
                // a server that served the log had built its read models and indexes: let its processors catch up
                // except those that only act on what is new: a served server's are at the head, and without a
                // position the restored one starts them there (the appended actions are history, never to be narrated)
                new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                        "DELETE FROM tokenentry WHERE processorname IN ('narration', 'platform-metrics')");
                // The fact reader answers each beat with a command, live only (it disallows replay). A served server
                // read each beat's facts as it came, so its position is at the head; reading a million beats here
                // (one command each) would take hours and is not what the backup is about.
                TrackingToken headNow = original.getBean(EventStore.class).createHeadToken();
                TokenStore tokenStore = original.getBean(TokenStore.class);
                original.getBean(TransactionManager.class).executeInTransaction(() -> {
                    for (int segment : tokenStore.fetchSegments(StoryFactRecorder.GROUP)) {
                        tokenStore.storeToken(headNow, StoryFactRecorder.GROUP, segment);
                    }
                });
                long caughtUp = System.nanoTime();
                original.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
                    if (processor instanceof StreamingEventProcessor streaming && !HEAD_ONLY.contains(name)) {
                        if (streaming.supportsReset()) {
                            // as a replay, which batches its writes, rather than one transaction per event as served
                            streaming.resetTokens();
                        }
                        streaming.start();
                    }
                });
                long head = original.getBean(EventStore.class).createHeadToken().position().orElse(-1);
                double servedCatchUp = awaitEveryProcessor(original, head, caughtUp, limit);
                OUT.printf("the served application's processors at the head (not part of the recovery): %.1f s%n", servedCatchUp);
                if (servedCatchUp < 0) {
                    throw new IllegalStateException("the served application did not catch up within " + limit);
                }
            }
            long t2 = System.nanoTime();
            if (readModels) {
                cli("backup", "create", "--to", backup.toString(), "--data-dir", served.toString(), "--with-read-models");
            } else if (keptVectors) {
                cli("backup", "create", "--to", backup.toString(), "--data-dir", served.toString(), "--with-vectors");
            } else {
                cli("backup", "create", "--to", backup.toString(), "--data-dir", served.toString());
            }
            OUT.printf("PHASE backup (server running): %.1f s, %,d bytes%n", seconds(t2), size(backup));
        }
    }

    /** Restores {@code backup} into {@code restored}, starts the application there and times it until every processor is at the head. */
    private static void restoreAndServe(Path backup, Path restored, Duration limit) throws Exception {
        long t3 = System.nanoTime();
        cli("backup", "restore", "--from", backup.toString(), "--data-dir", restored.toString());
        double restore = seconds(t3);
        OUT.printf("PHASE restore into a new data directory: %.1f s%n", restore);

        long t4 = System.nanoTime();
        try (ConfigurableApplicationContext recovered = start(restored)) {
            double ready = seconds(t4);
            OUT.printf("PHASE start on the restored data directory until ready (%s): %.1f s%n",
                    recovered.getBean(ApplicationAvailability.class).getReadinessState(), ready);
            long head = recovered.getBean(EventStore.class).createHeadToken().position().orElse(-1);
            double caughtUp = awaitEveryProcessor(recovered, head, t4, limit);
            OpenSearchClient search = recovered.getBean(OpenSearchClient.class);
            for (SearchIndex index : SearchIndex.values()) {
                long documents = search.indices().exists(e -> e.index(index.indexName())).value()
                        ? search.count(c -> c.index(index.indexName())).count() : -1;
                OUT.printf("  index %-30s %,d documents%n", index.indexName(), documents);
            }
            OUT.printf("TOTAL from backup to serving with every processor at the head: restore %.1f s + start and"
                    + " catch-up %.1f s = %.1f s%s%n", restore, caughtUp, restore + caughtUp,
                    caughtUp < 0 ? " (NOT caught up within " + limit + ")" : "");
        }
    }

    /** Seconds from {@code start} until every processor's every segment reached {@code head}; -1 after the limit. */
    private static double awaitEveryProcessor(ConfigurableApplicationContext context, long head, long start, Duration limit)
            throws InterruptedException {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        context.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        processors.values().removeIf(processor -> {
            if (!processor.isRunning()) {
                OUT.printf("  %-28s not running here, left out%n", processor.getName());
            }
            return !processor.isRunning();
        });
        long deadline = System.nanoTime() + limit.toNanos();
        long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        Map<String, Double> reached = new TreeMap<>();
        while (reached.size() < processors.size() && System.nanoTime() < deadline) {
            processors.forEach((name, processor) -> {
                if (!reached.containsKey(name) && lowest(processor) >= head) {
                    reached.put(name, seconds(start));
                    OUT.printf("  %-28s at the head after %.1f s%n", name, reached.get(name));
                }
            });
            if (System.nanoTime() > nextReport) {
                nextReport += REPORT_EVERY.toNanos();
                processors.forEach((name, processor) -> {
                    if (!reached.containsKey(name)) {
                        OUT.printf("  ... %-24s at %,d of %,d after %.0f s%n", name, lowest(processor), head, seconds(start));
                    }
                });
            }
            Thread.sleep(100);
        }
        processors.forEach((name, processor) -> {
            if (!reached.containsKey(name)) {
                OUT.printf("  %-28s NOT at the head after %s: at %,d of %,d%n", name, limit, lowest(processor), head);
            }
        });
        return reached.size() == processors.size() ? reached.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) : -1;
    }

    private static long lowest(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.isEmpty() ? -1 : status.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(StorytellerApplication.class).run(
                "--server.port=0",
                "--storyteller.data-dir=" + dataDir,
                // an empty list: the application's own node under the data directory, never a shared one
                "--storyteller.opensearch.uris=",
                "--storyteller.seed.enabled=false",
                "--storyteller.house-model.enabled=false",
                "--storyteller.house-classifier.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.io.storyteller=WARN",
                "--logging.level.org.springframework.core.annotation=ERROR");
    }

    private static void cli(String... args) {
        int exit = new CommandLine(new StorytellerCommand()).setOut(new PrintWriter(OUT, true)).execute(args);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + exit);
        }
    }

    private static long size(Path directory) throws java.io.IOException {
        try (var files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
