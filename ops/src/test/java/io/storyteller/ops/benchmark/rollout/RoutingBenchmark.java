package io.storyteller.ops.benchmark.rollout;

import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.CreateDeployment;
import io.storyteller.domain.deployment.DeploymentIds;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.deployment.StartRollout;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.ops.StorytellerApplication;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A runnable benchmark of issue 3, not a test: the real application on a fresh embedded
 * PostgreSQL (no seed, no discovery, no auto-switch) measures
 * (a) the routing overhead per narration ({@link RoutingOverhead}) against {@code bench.worlds}
 * world slots + the global slot, put in place by commands, and
 * (b) the rollout metrics query ({@code FindArmMetrics}) over {@code bench.outcomes} rows of
 * {@code narration_outcomes} built by the "narration-metrics" projection from events
 * ({@link ArmMetricsLoad}), with the projection's catch-up rate and the SQL's plan.
 * Prints a Markdown report (also written to {@code bench.report}) and exits.
 */
public final class RoutingBenchmark {

    private static final String METRICS_WORLD = "bench-metrics-world";

    private static final String METRICS_GROUP = "narration-metrics";
    private static final String DEPLOYMENTS_GROUP = "deployments";
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final ConfigurableApplicationContext context;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final JdbcClient jdbc;
    private final StringBuilder report = new StringBuilder();

    private RoutingBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.commands = context.getBean(CommandGateway.class);
        this.queries = context.getBean(QueryGateway.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    static String worldId(int index) {
        return "bench-world-" + index;
    }

    public static void main(String[] args) {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        int exitCode = 0;
        ConfigurableApplicationContext context = null;
        try {
            Path root = Path.of(System.getProperty("bench.rolloutDataRoot", defaultDataRoot()));
            Files.createDirectories(root);
            Path dataDir = Files.createTempDirectory(root.toAbsolutePath(), "run-");
            System.out.println("Rollout benchmark: data in " + dataDir);
            long bootStart = System.nanoTime();
            context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                    "--server.port=0",
                    "--storyteller.data-dir=" + dataDir,
                    "--storyteller.seed.enabled=false",
                    "--storyteller.discovery.enabled=false",
                    "--storyteller.auto-switch.enabled=false",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.io.storyteller=WARN",
                    "--logging.level.org.springframework.core.annotation=ERROR");
            System.out.printf("Application started in %.1f s%n", (System.nanoTime() - bootStart) / 1e9);
            RoutingBenchmark benchmark = new RoutingBenchmark(context);
            benchmark.run();
            String text = benchmark.report.toString();
            System.out.println();
            System.out.println(text);
            Path out = Path.of(System.getProperty("bench.report", "/tmp/bench-rollout-raw.md"));
            Files.writeString(out, text);
            System.out.println("Report written to " + out);
        } catch (Throwable e) {
            System.out.println("Benchmark failed: " + e);
            e.printStackTrace(System.out);
            exitCode = 1;
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (RuntimeException e) {
                    System.out.println("Shutdown: " + e);
                }
            }
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private static String defaultDataRoot() {
        String benchData = System.getProperty("bench.dataRoot");
        return benchData == null ? "target/bench-data" : Path.of(benchData).resolveSibling("bench-data").toString();
    }

    private static int setting(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    private void run() throws Exception {
        int worlds = setting("bench.worlds", 1_000);
        int rollouts = setting("bench.rollouts", 100);
        int warmup = setting("bench.warmup", 5_000);
        int resolutions = setting("bench.resolutions", 20_000);
        int threads = setting("bench.threads", 8);
        int outcomes = setting("bench.outcomes", 100_000);
        int metricsRuns = setting("bench.metricsRuns", 50);
        line("## Rollout benchmark (issue 3)");
        line("");

        // (a) the slots, through real commands, then the routing decisions
        long created = System.nanoTime();
        createSlots(worlds, rollouts);
        await("deployments projected", () -> count("SELECT count(*) FROM deployments") == worlds + 1
                && count("SELECT count(*) FROM deployments WHERE rollout_id IS NOT NULL") == rollouts);
        double slotSeconds = (System.nanoTime() - created) / 1e9;
        line("### (a) Routing overhead per narration");
        line("");
        line(String.format(Locale.ROOT, "Slots: %,d world narrator slots + the global one, %d of them with a rollout "
                + "in progress (half shadow, half canary 25%%), created by CreateDeployment/StartRollout as SYSTEM and "
                + "projected in %.1f s. Each decision = FindNarratorRoute through the QueryGateway + ArmChoice.armFor; "
                + "worlds drawn at random, 90%% with their own slot, 10%% falling back to the global slot.",
                worlds, rollouts, slotSeconds));
        line("");
        RoutingOverhead overhead = new RoutingOverhead(queries, worlds);
        overhead.run("warm-up", 1, warmup, 1);
        overhead.run("warm-up", threads, warmup, 2);
        List<RoutingOverhead.Result> results = List.of(
                overhead.run("1 thread", 1, resolutions, 11),
                overhead.run(threads + " threads", threads, resolutions, 12));
        line("| run | decisions | mean µs | p50 µs | p95 µs | p99 µs | max µs | decisions/s | canary share |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (RoutingOverhead.Result r : results) {
            Timings t = r.timings();
            line(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %,.0f | %.1f%% |",
                    r.label(), t.count(), Timings.micros(t.meanNanos()), Timings.micros(t.percentileNanos(0.50)),
                    Timings.micros(t.percentileNanos(0.95)), Timings.micros(t.percentileNanos(0.99)),
                    Timings.micros(t.maxNanos()), r.perSecond(), 100.0 * r.canary() / t.count()));
        }
        line("");
        line(String.format(Locale.ROOT, "ArmChoice.armFor alone (SHA-256 of story+rollout): %.2f µs per call.",
                Timings.micros(RoutingOverhead.armChoiceNanos(200_000))));
        line("");

        metrics(outcomes, metricsRuns);
    }

    private void createSlots(int worlds, int rollouts) {
        Actor system = Actor.system();
        ModelRef stable = new ModelRef(ArmMetricsLoad.STABLE_MODEL, ArmMetricsLoad.STABLE_VERSION);
        ModelRef candidate = new ModelRef(ArmMetricsLoad.CANDIDATE_MODEL, ArmMetricsLoad.CANDIDATE_VERSION);
        // Slots are opened only for worlds that exist and served only by registered model versions.
        register(stable, "openai", "gpt-4o-mini");
        register(candidate, "anthropic", "claude-sonnet-4-5");
        List<CompletableFuture<?>> worldsCreated = new ArrayList<>();
        for (int i = 0; i < worlds; i++) {
            worldsCreated.add(commands.send(world(worldId(i))));
            if (worldsCreated.size() >= 100) {
                drain(worldsCreated);
            }
        }
        worldsCreated.add(commands.send(world(METRICS_WORLD)));
        drain(worldsCreated);
        commands.sendAndWait(new CreateDeployment(DeploymentIds.of(UseCase.NARRATOR, null), UseCase.NARRATOR, null,
                stable, system));
        int every = rollouts == 0 ? Integer.MAX_VALUE : Math.max(1, worlds / rollouts);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        int started = 0;
        for (int i = 0; i < worlds; i++) {
            String world = worldId(i);
            String id = DeploymentIds.of(UseCase.NARRATOR, world);
            boolean rollout = i % every == 0 && started < rollouts;
            boolean shadow = started % 2 == 0;
            if (rollout) {
                started++;
            }
            CompletableFuture<Object> create = commands.send(new CreateDeployment(id, UseCase.NARRATOR, world, stable, system));
            pending.add(!rollout ? create : create.thenCompose(x -> commands.send(new StartRollout(id, "rollout-" + world,
                    candidate, strategy(shadow), "benchmark", system))));
            if (pending.size() >= 100) {
                drain(pending);
            }
        }
        drain(pending);
    }

    private void register(ModelRef model, String provider, String providerModelId) {
        Actor system = Actor.system();
        commands.sendAndWait(new RegisterModel(model.modelId(), new ModelSpec(provider, providerModelId, ModelKind.CHAT,
                List.of("chat"), 128_000, TokenPrice.zero(), "proprietary"), ModelSource.PAID_API, null, system));
        commands.sendAndWait(new AddModelVersion(model.modelId(), model.version(), null, null, null, system));
    }

    private static CreateWorld world(String worldId) {
        return new CreateWorld(worldId, new WorldSettings("Benchmark world " + worldId, "A world for the routing benchmark.",
                "fantasy", "calm", ContentRating.TEEN, ""), Actor.system());
    }

    /** A rollout the saga will not analyse during the run (every 12 h). */
    private static RolloutStrategy strategy(boolean shadow) {
        return new RolloutStrategy(shadow ? new ShadowPhase(Duration.ofDays(1), null) : null, List.of(25, 50, 100),
                Duration.ofHours(12), 500, new RolloutGates(0.05, 3_000L, null, null, 3.0, null, 0.2));
    }

    private static void drain(List<CompletableFuture<?>> pending) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
        pending.clear();
    }

    private void metrics(int outcomes, int runs) throws Exception {
        String world = METRICS_WORLD;
        String deploymentId = DeploymentIds.of(UseCase.NARRATOR, world);
        String rolloutId = "rollout-metrics-1";
        Actor system = Actor.system();
        commands.sendAndWait(new CreateDeployment(deploymentId, UseCase.NARRATOR, world,
                new ModelRef(ArmMetricsLoad.STABLE_MODEL, ArmMetricsLoad.STABLE_VERSION), system));
        commands.sendAndWait(new StartRollout(deploymentId, rolloutId,
                new ModelRef(ArmMetricsLoad.CANDIDATE_MODEL, ArmMetricsLoad.CANDIDATE_VERSION), strategy(true),
                "benchmark", system));
        await("metrics deployment projected", () -> count(
                "SELECT count(*) FROM deployments WHERE rollout_id = '" + rolloutId + "'") == 1);

        // Only the metrics projection reads the synthetic calls: every other processor stops, and the
        // metrics processor too while they are published, so that its catch-up is measured alone.
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        List<String> stopped = new ArrayList<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && processor.isRunning()) {
                processor.shutDown();
                stopped.add(entry.getKey());
            }
        }
        StreamingEventProcessor metricsProcessor = processing.eventProcessor(METRICS_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        EventStore eventStore = context.getBean(EventStore.class);
        ArmMetricsLoad load = new ArmMetricsLoad(eventStore, world, deploymentId, rolloutId, 25);
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration span = Duration.ofDays(7);
        ArmMetricsLoad.Published published = load.publishCalls(outcomes, 0.25, end, span, 1_000, 42);
        long rowsHead = head(eventStore);

        long catchUpStart = System.nanoTime();
        metricsProcessor.start();
        int segments = awaitAtHead(metricsProcessor, rowsHead);
        double rowsCatchUp = (System.nanoTime() - catchUpStart) / 1e9;
        long ratingsStart = System.nanoTime();
        int ratings = load.publishRatings(1_000);
        double ratingsPublish = (System.nanoTime() - ratingsStart) / 1e9;
        long ratingsHead = head(eventStore);
        long ratingsCatchUpStart = System.nanoTime();
        awaitAtHead(metricsProcessor, ratingsHead);
        double ratingsCatchUp = (System.nanoTime() - ratingsCatchUpStart) / 1e9;
        long rows = count("SELECT count(*) FROM narration_outcomes WHERE rollout_id = '" + rolloutId + "'");
        long rated = count("SELECT count(*) FROM narration_outcomes WHERE rating IS NOT NULL");
        long deadLetters = count("SELECT count(*) FROM deadletterentry");

        line("### (b) Rollout metrics query over " + String.format(Locale.ROOT, "%,d", rows) + " recorded narrations");
        line("");
        line(String.format(Locale.ROOT, "One deployment (%s), one rollout (%s): a shadow phase (25%% of rows: each "
                + "request served by stable and mirrored to the candidate), then canary at 25%% sticky per story; "
                + "5,000 stories; rows spread evenly over 7 days ending at the run. Rows per arm: stable %,d, canary %,d, "
                + "shadow %,d. Latency log-normal (median 850/780/800 ms, σ 0.45), prompt tokens ~N(1400, 300), "
                + "completion ~N(95, 25), failures 2%% stable / 2.5%% canary / 3%% shadow, BeatRated on ~10%% of "
                + "served beats (%,d ratings, %,d rows rated). Models not registered, so cost prices to 0 "
                + "(the INSERT's price lookup still runs).", deploymentId, rolloutId,
                published.rowsPerArm()[NarrationArm.STABLE.ordinal()], published.rowsPerArm()[NarrationArm.CANARY.ordinal()],
                published.rowsPerArm()[NarrationArm.SHADOW.ordinal()], ratings, rated));
        line("");
        line("| load step | events | seconds | events/s |");
        line("|---|---:|---:|---:|");
        line(row("publish calls through the EventBus (batches of 1,000)", published.events(), published.seconds()));
        line(row("narration-metrics catch-up, calls (" + segments + " segments, from start incl. claim)",
                published.events(), rowsCatchUp));
        line(row("publish ratings", ratings, ratingsPublish));
        line(row("narration-metrics catch-up, ratings", ratings, ratingsCatchUp));
        line("");
        line("Processors stopped during the load (only narration-metrics ran): " + stopped.size()
                + "; dead letters: " + deadLetters + ".");
        line("");

        jdbc.sql("VACUUM ANALYZE narration_outcomes").update();
        Instant whole = published.first();
        Instant last10 = published.first().plus(span.multipliedBy(9).dividedBy(10));
        line("After `VACUUM ANALYZE narration_outcomes` (the steady state autovacuum reaches). "
                + "FindArmMetrics through the QueryGateway, " + runs + " runs after 10 warm-up runs:");
        line("");
        String wholeAnswer = "";
        line("| window (since) | rows in window | p50 ms | p95 ms | max ms | mean ms | stable / canary / shadow samples |");
        line("|---|---:|---:|---:|---:|---:|---|");
        for (var window : List.of(Map.entry("whole rollout (" + whole + ")", whole),
                Map.entry("last 10% (" + last10 + ")", last10))) {
            FindArmMetrics query = new FindArmMetrics(deploymentId, rolloutId, window.getValue());
            ArmMetricsReport answer = null;
            for (int i = 0; i < 10; i++) {
                answer = ask(query);
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long begin = System.nanoTime();
                answer = ask(query);
                nanos[i] = System.nanoTime() - begin;
            }
            Timings t = Timings.of(nanos);
            long inWindow = count("SELECT count(*) FROM narration_outcomes WHERE occurred_at >= '"
                    + window.getValue() + "'");
            line(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,d / %,d / %,d |",
                    window.getKey(), inWindow, Timings.millis(t.percentileNanos(0.5)), Timings.millis(t.percentileNanos(0.95)),
                    Timings.millis(t.maxNanos()), Timings.millis(t.meanNanos()), answer.stable().samples(),
                    answer.candidate().samples(), answer.shadow().samples()));
            if (window.getValue().equals(whole)) {
                wholeAnswer = "Whole-rollout answer: stable " + describe(answer.stable()) + "; canary "
                        + describe(answer.candidate()) + "; shadow " + describe(answer.shadow()) + ".";
            }
        }
        line("");
        line(wholeAnswer);
        line("");
        sqlBreakdown(deploymentId, rolloutId, whole, last10, runs);
        for (Instant since : List.of(whole, last10)) {
            line("`EXPLAIN (ANALYZE, BUFFERS)` of ArmMetricsQueries.METRICS, since " + since + ":");
            line("");
            line("```");
            String sql = metricsSql().replace(":deploymentId", "'" + deploymentId + "'")
                    .replace(":rolloutId", "'" + rolloutId + "'")
                    .replace(":since", "TIMESTAMPTZ '" + since + "'")
                    .replace(":step", "NULL");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query((java.sql.ResultSet rs) -> {
                line(rs.getString(1));
            });
            line("```");
            line("");
        }
    }

    /**
     * Where the query's time goes: the same statement through JdbcClient with bind parameters (as
     * the handler runs it; pgjdbc prepares it server-side from the 5th execution, and PostgreSQL may
     * then choose a generic plan), and with the values inlined as literals (a custom plan each time).
     */
    private void sqlBreakdown(String deploymentId, String rolloutId, Instant whole, Instant last10, int runs)
            throws ReflectiveOperationException {
        String sql = metricsSql();
        line("The same statement without the gateway (JdbcClient, rows read and discarded), " + runs
                + " runs after 10 warm-up runs, p50 / p95 ms:");
        line("");
        line("| window | bind parameters (as the handler) | literals inlined |");
        line("|---|---:|---:|");
        for (var window : List.of(Map.entry("whole rollout", whole), Map.entry("last 10%", last10))) {
            Runnable bound = () -> jdbc.sql(sql).param("deploymentId", deploymentId).param("rolloutId", rolloutId)
                    .param("since", window.getValue().atOffset(java.time.ZoneOffset.UTC))
                    .param("step", null, java.sql.Types.INTEGER).query().listOfRows();
            String literal = sql.replace(":deploymentId", "'" + deploymentId + "'")
                    .replace(":rolloutId", "'" + rolloutId + "'")
                    .replace(":since", "TIMESTAMPTZ '" + window.getValue() + "'")
                    .replace(":step", "NULL");
            Runnable inlined = () -> jdbc.sql(literal).query().listOfRows();
            Timings b = time(bound, runs);
            Timings l = time(inlined, runs);
            line(String.format(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f |", window.getKey(),
                    Timings.millis(b.percentileNanos(0.5)), Timings.millis(b.percentileNanos(0.95)),
                    Timings.millis(l.percentileNanos(0.5)), Timings.millis(l.percentileNanos(0.95))));
        }
        line("");
    }

    private static Timings time(Runnable action, int runs) {
        for (int i = 0; i < 10; i++) {
            action.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - begin;
        }
        return Timings.of(nanos);
    }

    private ArmMetricsReport ask(FindArmMetrics query) throws Exception {
        return queries.query(query, ResponseTypes.instanceOf(ArmMetricsReport.class)).get(1, TimeUnit.MINUTES);
    }

    private static String describe(ArmMetrics m) {
        return String.format(Locale.ROOT, "%,d samples, error %.2f%%, p95 %d ms, rating %s", m.samples(),
                100 * m.errorRate(), m.latencyP95Millis(), m.rating() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.rating()));
    }

    /** The exact statement the query handler runs (package-private there, read by reflection). */
    private static String metricsSql() throws ReflectiveOperationException {
        Field field = Class.forName("io.storyteller.query.deployment.ArmMetricsQueries").getDeclaredField("METRICS");
        field.setAccessible(true);
        return (String) field.get(null);
    }

    private static String row(String step, long events, double seconds) {
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |", step, events, seconds, events / seconds);
    }

    private static long head(EventStore eventStore) {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    private int awaitAtHead(StreamingEventProcessor processor, long head) {
        int expected = context.getEnvironment().getProperty("storyteller.event-processing.initial-segment-count",
                Integer.class, 4);
        int[] segments = new int[1];
        await(processor.getName() + " at " + head, () -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            segments[0] = status.size();
            return status.size() >= expected && status.values().stream()
                    .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
        });
        return segments[0];
    }

    private long count(String sql) {
        return ((Number) jdbc.sql(sql).query().singleValue()).longValue();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
