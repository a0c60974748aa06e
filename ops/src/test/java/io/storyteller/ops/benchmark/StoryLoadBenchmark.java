package io.storyteller.ops.benchmark;

import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.Story;
import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.ops.StorytellerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A runnable benchmark, not a test (never run by {@code mvn verify}): the real application on a
 * fresh embedded PostgreSQL plays one story of 2,400 turns through the command bus
 * ({@link SubmitPlayerAction} and {@link RecordNarration}, the narration engine stopped) and, at
 * 100, 1,000 and 2,400 turns, prints the story's latest snapshot size and the time to load the
 * Story aggregate from the event store (latest snapshot and the events after it), the median of
 * {@code bench.loads} loads (21) through a repository without a cache. {@code bench.turns} sets
 * the checkpoints (default {@value #CHECKPOINTS}); with {@code bench.snapshotDir} set, the snapshot
 * at each checkpoint is also written there as {@code story-snapshot-<turns>.json}, to see where its
 * bytes go.
 */
public final class StoryLoadBenchmark {

    private static final String CHECKPOINTS = "100,1000,2400";
    private static final int WARMUP_LOADS = 5;

    private StoryLoadBenchmark() {
    }

    public static void main(String[] args) {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        int loads = Integer.getInteger("bench.loads", 21);
        int exitCode = 0;
        ConfigurableApplicationContext context = null;
        try {
            Path root = Path.of(System.getProperty("bench.dataRoot", "ops/target/benchmark-data"));
            Files.createDirectories(root);
            Path dataDir = Files.createTempDirectory(root.toAbsolutePath(), "story-load-");
            context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                    "--server.port=0",
                    "--storyteller.data-dir=" + dataDir,
                    "--storyteller.seed.enabled=false",
                    "--storyteller.house-model.retrain-delay=24h",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.io.storyteller=WARN");
            run(context, loads);
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

    private static void run(ConfigurableApplicationContext context, int loads) throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        EventStore eventStore = context.getBean(EventStore.class);
        TransactionManager transactions = context.getBean(TransactionManager.class);
        new Processors(context.getBean(EventProcessingConfiguration.class), eventStore,
                context.getBean(TokenStore.class), transactions).named("narration").shutDown();
        BenchmarkWorld world = BenchmarkWorld.create(commands, 1);
        String storyId = world.startStories("load", 1).getFirst();
        // Uncached, as after a restart or a cache eviction: every load reads the snapshot and the events after it.
        EventSourcingRepository<Story> repository = EventSourcingRepository.builder(Story.class)
                .eventStore(eventStore).aggregateFactory(new GenericAggregateFactory<>(Story.class)).build();

        System.out.printf("Story load benchmark: %s, snapshot threshold %s events, %d loads per point%n", storyId,
                context.getEnvironment().getProperty("storyteller.snapshots.threshold", "250"), loads);
        System.out.println("| turns | events | snapshot at event | snapshot bytes | load median ms | load p90 ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        int turn = 0;
        String snapshotDir = System.getProperty("bench.snapshotDir");
        for (String point : System.getProperty("bench.turns", CHECKPOINTS).split(",")) {
            int checkpoint = Integer.parseInt(point.strip());
            long playStart = System.nanoTime();
            for (; turn < checkpoint; turn++) {
                String actionBeatId = UUID.randomUUID().toString();
                String action = BenchmarkWorld.action(turn);
                String narration = BenchmarkWorld.narration(turn);
                commands.sendAndWait(new SubmitPlayerAction(storyId, actionBeatId, action, world.player(0)));
                // the narration beat's id as the narration engine gives it
                commands.sendAndWait(new RecordNarration(storyId, actionBeatId, RecordNarration.beatIdFor(storyId, actionBeatId),
                        narration, world.provenance(action, narration)));
            }
            double playSeconds = (System.nanoTime() - playStart) / 1e9;
            Map<String, Object> snapshot = jdbc.sql("""
                    SELECT (SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id) AS events,
                           coalesce(max(sequencenumber), -1) AS seq, coalesce(max(length(payload)), 0) AS bytes
                    FROM snapshotevententry WHERE aggregateidentifier = :id""").param("id", storyId).query().singleRow();
            if (snapshotDir != null) {
                byte[] payload = jdbc.sql("""
                        SELECT payload FROM snapshotevententry WHERE aggregateidentifier = :id
                        ORDER BY sequencenumber DESC LIMIT 1""").param("id", storyId).query(byte[].class).optional()
                        .orElse(new byte[0]);
                Files.createDirectories(Path.of(snapshotDir));
                Files.write(Path.of(snapshotDir, "story-snapshot-" + checkpoint + ".json"), payload);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < WARMUP_LOADS + loads; i++) {
                long t0 = System.nanoTime();
                load(repository, transactions, storyId);
                if (i >= WARMUP_LOADS) {
                    millis.add((System.nanoTime() - t0) / 1e6);
                }
            }
            millis.sort(Double::compare);
            // events: the story's own, the facts the continuity engine records per beat included
            System.out.printf("| %d | %s | %s | %s | %.2f | %.2f |   (played in %.1f s)%n", checkpoint, snapshot.get("events"),
                    snapshot.get("seq"), snapshot.get("bytes"), millis.get(millis.size() / 2),
                    millis.get((int) Math.ceil(millis.size() * 0.9) - 1), playSeconds);
        }
    }

    private static void load(EventSourcingRepository<Story> repository, TransactionManager transactions, String storyId)
            throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        var result = unitOfWork.executeWithResult(() -> repository.load(storyId).version());
        if (result.isExceptional()) {
            throw new IllegalStateException("loading " + storyId + " failed", result.exceptionResult());
        }
    }
}
