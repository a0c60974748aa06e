package io.storyteller.ops.benchmark;

import io.storyteller.ops.StorytellerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Replay and restart over a long log: the application starts on a fresh data directory (timed),
 * {@code -Dbench.events} events of played stories ({@link CorpusLog}, default 1,000,000) are written
 * straight into the event table with every processor stopped and settled as autovacuum would leave
 * it ({@link #settle}), then each replayable processor is
 * reset and timed alone until it reaches the head (at most {@code -Dbench.limit}, default PT10M; a
 * processor still behind then is reported with the rate it kept), then all of them together (the
 * rebuild of every read model), and last the application is stopped and started again on that data
 * directory (timed), every processor not replayed moved to the head first, as on a caught-up
 * installation. The data directory is kept, for a start from outside the process. Processors named
 * in {@code -Dbench.skip} (comma-separated) are left out; with {@code -Dbench.only} only the
 * processors it names are replayed.
 * House model and classifier training are off: they would read the whole log beside the replay.
 * Each replay also reports the CPU time it took (this JVM and its embedded PostgreSQL's processes),
 * which a busy machine disturbs less than the wall time.
 * Run from the repository root after building the test classpath (see docs/benchmarks.md).
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NarrationBenchmark.silenceVendorCalls();
        long events = Long.getLong("bench.events", 1_000_000L);
        Duration limit = Duration.parse(System.getProperty("bench.limit", "PT10M"));
        List<String> skip = List.of(System.getProperty("bench.skip", "").split(","));
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        Path root = Path.of(System.getProperty("bench.dataRoot", "ops/target/replay-benchmark")).toAbsolutePath();
        Files.createDirectories(root);
        Path dataDir = Files.createTempDirectory(root, "run-");
        int exitCode = 0;
        try {
            long t0 = System.nanoTime();
            ConfigurableApplicationContext context = start(dataDir);
            System.out.printf("fresh start: %.1f s (data in %s)%n", (System.nanoTime() - t0) / 1e9, dataDir);
            try {
                run(context, events, limit, skip, only);
            } finally {
                context.close();
            }
            long t1 = System.nanoTime();
            ConfigurableApplicationContext again = start(dataDir);
            System.out.printf("restart on the log of %,d events: %.1f s%n", events, (System.nanoTime() - t1) / 1e9);
            again.close();
        } catch (Throwable e) {
            System.out.println("Benchmark failed: " + e);
            e.printStackTrace(System.out);
            exitCode = 1;
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(StorytellerApplication.class).run(
                "--server.port=0",
                "--storyteller.data-dir=" + dataDir,
                "--storyteller.seed.enabled=false",
                "--storyteller.house-model.enabled=false",
                "--storyteller.house-classifier.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.io.storyteller=WARN",
                "--logging.level.org.springframework.core.annotation=ERROR");
    }

    private static void run(ConfigurableApplicationContext context, long events, Duration limit, List<String> skip,
            List<String> only) throws Exception {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        EventStore eventStore = context.getBean(EventStore.class);
        Map<String, StreamingEventProcessor> replayable = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
                if (streaming.supportsReset() && !skip.contains(name) && (only.equals(List.of("")) || only.contains(name))) {
                    replayable.put(name, streaming);
                }
            }
        });
        long t0 = System.nanoTime();
        long written = new CorpusLog().append(context.getBean(DataSource.class), events);
        long head = eventStore.createHeadToken().position().orElse(-1);
        System.out.printf("appended %,d events in %.1f s; head index %,d%n", written, (System.nanoTime() - t0) / 1e9, head);
        long settling = System.nanoTime();
        settle(context.getBean(DataSource.class));
        System.out.printf("log vacuumed, analyzed and checkpointed in %.1f s%n", (System.nanoTime() - settling) / 1e9);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        System.out.printf("%-28s %10s %12s %10s %5s %12s%n", "processor (alone)", "seconds", "events/s", "segments", "load",
                "cpu s (jvm+pg)");
        for (Map.Entry<String, StreamingEventProcessor> entry : replayable.entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            processor.resetTokens();
            double cpu = CpuTime.ofThisProcessAndChildren();
            long started = System.nanoTime();
            processor.start();
            long reached = awaitHead(List.of(processor), head, limit);
            double seconds = (System.nanoTime() - started) / 1e9;
            int segments = processor.processingStatus().size();
            double cpuSeconds = CpuTime.ofThisProcessAndChildren() - cpu;
            processor.shutDown();
            awaitShutDown(processor);
            System.out.printf("%-28s %10.1f %,12.0f %10d %5.1f %12.1f%s%n", entry.getKey(), seconds, (reached + 1) / seconds,
                    segments, os.getSystemLoadAverage(), cpuSeconds,
                    reached < head ? "  (stopped at " + String.format("%,d", reached) + " after the limit)" : "");
        }

        for (StreamingEventProcessor processor : replayable.values()) {
            // the processor healer restarts a processor stopped for long: stop it again
            processor.shutDown();
            awaitShutDown(processor);
            processor.resetTokens();
        }
        double cpu = CpuTime.ofThisProcessAndChildren();
        long started = System.nanoTime();
        replayable.values().forEach(StreamingEventProcessor::start);
        long reached = awaitHead(new ArrayList<>(replayable.values()), head, limit.multipliedBy(2));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("all %d together: %.1f s to %s (%,.0f events/s of log), cpu %.1f s, load %.1f%n", replayable.size(),
                seconds, reached < head ? "index " + reached + " (limit)" : "the head", (reached + 1) / seconds,
                CpuTime.ofThisProcessAndChildren() - cpu, os.getSystemLoadAverage());

        // The restart is that of a caught-up installation: a processor not replayed here (left out, or one that
        // never replays, as the narration engine) is moved to the head instead of reading the whole log after it.
        Processors tokens = new Processors(processing, eventStore, context.getBean(TokenStore.class),
                context.getBean(TransactionManager.class));
        int moved = 0;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming && !replayable.containsKey(entry.getKey())) {
                streaming.shutDown();
                awaitShutDown(streaming);
                tokens.moveToHead(streaming);
                moved++;
            }
        }
        System.out.printf("%d processors not replayed moved to the head; data directory kept for a start from outside%n", moved);
    }

    /**
     * Leaves the log just written as a log written over time is when a read model is rebuilt:
     * autovacuum has long since vacuumed and analyzed it, and its pages are on disk. Without this the
     * first replay would pay for all of that (setting every row's hint bits, the vacuum and the
     * checkpoint running beside it), and the processors replayed later would not.
     */
    private static void settle(DataSource dataSource) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // VACUUM runs outside a transaction
            statement.execute("VACUUM (ANALYZE) domainevententry");
            statement.execute("CHECKPOINT");
        }
    }

    /** A processor stopped at the limit may still be finishing its batch; a reset needs it stopped. */
    private static void awaitShutDown(StreamingEventProcessor processor) throws InterruptedException {
        for (int i = 0; i < 3000 && processor.isRunning(); i++) {
            Thread.sleep(20);
        }
    }

    /** The lowest position the processors' segments reached when all were at the head, or the limit passed. */
    private static long awaitHead(List<StreamingEventProcessor> processors, long head, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long lowest = -1;
        while (System.nanoTime() < deadline) {
            lowest = Long.MAX_VALUE;
            boolean any = false;
            for (StreamingEventProcessor processor : processors) {
                for (EventTrackerStatus status : processor.processingStatus().values()) {
                    any = true;
                    lowest = Math.min(lowest, status.getCurrentPosition().orElse(-1));
                }
            }
            if (!any) {
                lowest = -1;
            } else if (lowest >= head) {
                return lowest;
            }
            Thread.sleep(20);
        }
        return lowest;
    }
}
