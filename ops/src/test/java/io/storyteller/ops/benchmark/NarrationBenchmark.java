package io.storyteller.ops.benchmark;

import ai.onnxruntime.OrtEnvironment;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.instances.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A runnable benchmark, not a test (never run by {@code mvn verify}; see docs/benchmarks.md): the
 * real application on a fresh embedded PostgreSQL, without the seed world, measures
 * (p) the database's own single-row insert rate ({@link RawInserts}), (a) the write path of a turn ({@link WritePath}), (b) a full turn with the house model
 * ({@link HouseTurns}) and (c) projection catch-up ({@link ProjectionCatchUp}), and prints tables.
 * Settings: {@link BenchmarkSettings}.
 */
public final class NarrationBenchmark {

    private static final String NARRATION = "narration";
    private static final List<String> CATCH_UP_GROUPS = List.of("stories", "worlds");
    private static final Duration RAW_INSERT_DURATION = Duration.ofSeconds(15);

    private NarrationBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        silenceVendorCalls();
        int exitCode = 0;
        ConfigurableApplicationContext context = null;
        try {
            Path dataDir = freshDataDir(settings.dataRoot());
            System.out.printf("Storyteller benchmark: data in %s, %s%n", dataDir, settings);
            long bootStart = System.nanoTime();
            context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                    "--server.port=0",
                    "--storyteller.data-dir=" + dataDir,
                    "--storyteller.seed.enabled=false",
                    // Off means a pass every 24 h, i.e. none; the world's first narration still trains its model.
                    "--storyteller.house-model.retrain-delay=" + (settings.retrain() ? "10s" : "24h"),
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.io.storyteller=WARN",
                    "--logging.level.org.springframework.core.annotation=ERROR");
            double bootSeconds = (System.nanoTime() - bootStart) / 1e9;
            System.out.printf("Application started in %.1f s%n", bootSeconds);
            run(context, settings, new Report().header(bootSeconds, settings.retrain()));
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

    private static void run(ConfigurableApplicationContext context, BenchmarkSettings settings, Report report)
            throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Processors processors = new Processors(context.getBean(EventProcessingConfiguration.class),
                context.getBean(EventStore.class), context.getBean(TokenStore.class),
                context.getBean(TransactionManager.class));

        // The narration engine must not answer the write path's actions: its processor is shut down
        // (claims released) now, and moved to the head of the log before it starts again for (b).
        StreamingEventProcessor narration = processors.named(NARRATION);
        narration.shutDown();
        if (Boolean.getBoolean("bench.peer")) {
            keepAPeerAlive(jdbc, context.getBean(Peers.class));
        }
        BenchmarkWorld world = BenchmarkWorld.create(commands, settings.maxPlayers());

        List<RawInserts.Result> raw = new ArrayList<>();
        if (settings.runs("p")) {
            RawInserts inserts = new RawInserts(context.getBean(DataSource.class), RAW_INSERT_DURATION);
            for (int clients : settings.players()) {
                raw.add(inserts.run(clients));
            }
            report.rawInserts(raw);
        }

        if (settings.runs("a")) {
            List<StreamingEventProcessor> stopped = settings.stopped().stream().map(processors::named).toList();
            stopped.forEach(StreamingEventProcessor::shutDown);
            WritePath writePath = new WritePath(commands, world, settings);
            List<WritePath.Result> writes = new ArrayList<>();
            for (int players : settings.players()) {
                writes.add(writePath.run(players));
            }
            stopped.forEach(StreamingEventProcessor::start);
            report.writePath(writes, raw);
        }

        if (settings.runs("b")) {
            processors.moveToHead(narration);
            narration.start();
            HouseTurns houseTurns = new HouseTurns(commands, context.getBean(QueryGateway.class), world, settings);
            double firstTurnMillis = houseTurns.firstTurnMillis();
            List<HouseTurns.Result> houses = new ArrayList<>();
            for (int players : settings.players()) {
                houses.add(houseTurns.run(players));
            }
            narration.shutDown();
            report.houseTurns(firstTurnMillis, houses);
        }

        if (settings.runs("c")) {
            ProjectionCatchUp catchUp = new ProjectionCatchUp(processors, jdbc, settings.phaseLimit());
            List<ProjectionCatchUp.Result> catchUps = new ArrayList<>();
            for (String group : CATCH_UP_GROUPS) {
                catchUps.add(catchUp.run(group));
            }
            Map<String, Object> snapshots = jdbc.sql("SELECT count(*) AS aggregates,"
                    + " coalesce(max(length(payload)), 0) AS largest FROM snapshotevententry").query().singleRow();
            report.catchUp(catchUps.getFirst().events(), ((Number) snapshots.get("aggregates")).longValue(),
                    ((Number) snapshots.get("largest")).longValue(),
                    context.getEnvironment().getProperty("storyteller.snapshots.threshold", "250"), catchUps);
        }
        report.print();
    }

    /**
     * {@code -Dbench.peer=true}: the cost of running beside other instances on the JDBC store, without
     * a second JVM competing for the cores. A peer's heartbeat row is kept fresh, naming no processor
     * (so no segment is given up to it): this instance then checks each cached aggregate against the
     * store and relays its live updates and commit notices, as it does beside a real second instance.
     */
    private static void keepAPeerAlive(JdbcClient jdbc, Peers peers) throws InterruptedException {
        Thread.ofPlatform().daemon().name("benchmark-peer").start(() -> {
            while (true) {
                try {
                    jdbc.sql("INSERT INTO processing_instances (instance_id, processors, started_at, last_seen)"
                            + " VALUES ('benchmark-peer', '{}', now(), now())"
                            + " ON CONFLICT (instance_id) DO UPDATE SET last_seen = now()").update();
                    Thread.sleep(1000);
                } catch (InterruptedException | RuntimeException e) {
                    return; // the application is closing
                }
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!peers.othersAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the instance did not see the benchmark's peer");
            }
            Thread.sleep(100);
        }
        System.out.println("A peer instance is alive: cached aggregates are checked, live updates relayed");
    }

    private static Path freshDataDir(Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root.toAbsolutePath(), "run-");
    }

    /** As the application's main does: no phone-home, no console banner, no ONNX Runtime telemetry. */
    static void silenceVendorCalls() {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        try {
            OrtEnvironment.getEnvironment().setTelemetry(false);
        } catch (Exception | LinkageError e) {
            System.out.println("ONNX Runtime telemetry switch skipped: " + e);
        }
    }
}
