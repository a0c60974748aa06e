package io.storyteller.ops.benchmark;

import ai.onnxruntime.OrtEnvironment;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.domain.validation.DefineEvaluationSuite;
import io.storyteller.domain.validation.DatasetKind;
import io.storyteller.domain.validation.DefaultSuites;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.ValidateCandidate;
import io.storyteller.ops.StorytellerApplication;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A runnable benchmark, not a test: offline replay rate of the house narrator. The real application
 * on a fresh data directory plays a seeded history ({@code -Dbench.replayTurns} turns, default 40,
 * over 4 stories of the benchmark world, each narrated by the house narrator), then validates the
 * world's house narrator on all of those turns: once alone (the candidate replays every turn, judged
 * by the pipeline) and once against itself (each turn asked of both, judged side by side). Replayed
 * turns/s is turns ÷ time from {@code ValidateCandidate} to {@code ModelValidated}:
 * {@code mvn -o -q -pl ops test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.storyteller.ops.benchmark.OfflineReplayBenchmark -Dbench.replayTurns=40}.
 */
public final class OfflineReplayBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final int STORIES = 4;

    private OfflineReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int turns = Integer.getInteger("bench.replayTurns", 40);
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        OrtEnvironment.getEnvironment().setTelemetry(false);
        Path root = Path.of(System.getProperty("bench.dataRoot",
                Files.isDirectory(Path.of("ops", "src")) ? "ops/target/benchmark-data" : "target/benchmark-data"));
        Files.createDirectories(root);
        Path dataDir = Files.createTempDirectory(root.toAbsolutePath(), "replay-");
        int exit = 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                "--server.port=0", "--storyteller.data-dir=" + dataDir, "--storyteller.seed.enabled=false",
                "--storyteller.house-model.retrain-delay=24h", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.io.storyteller=WARN")) {
            run(context, turns);
        } catch (Throwable e) {
            System.out.println("Benchmark failed: " + e);
            e.printStackTrace(System.out);
            exit = 1;
        }
        System.out.flush();
        System.exit(exit);
    }

    private static void run(ConfigurableApplicationContext context, int turns) throws InterruptedException {
        CommandGateway commands = context.getBean(CommandGateway.class);
        QueryGateway queries = context.getBean(QueryGateway.class);
        EventStore events = context.getBean(EventStore.class);
        BenchmarkWorld world = BenchmarkWorld.create(commands, STORIES);
        List<String> stories = world.startStories("replay", STORIES);
        long seeded = System.nanoTime();
        for (int turn = 0; turn < turns; turn++) {
            int story = turn % STORIES;
            String storyId = stories.get(story);
            long before = narrations(events, storyId);
            commands.sendAndWait(new SubmitPlayerAction(storyId, "beat-" + UUID.randomUUID(), BenchmarkWorld.action(turn),
                    world.player(story)));
            awaitUntil(() -> narrations(events, storyId) > before, "narration of turn " + turn);
        }
        System.out.printf(Locale.ROOT, "seeded %d turns narrated by the house narrator in %.1f s%n", turns,
                (System.nanoTime() - seeded) / 1e9);

        String modelId = "house:" + BenchmarkWorld.WORLD_ID;
        awaitUntil(() -> latestVersion(queries, modelId) != null, modelId + " registered");
        ModelRef house = new ModelRef(modelId, latestVersion(queries, modelId));
        String suite = "replay-benchmark";
        EvaluationSuiteView defaults = DefaultSuites.of(UseCase.NARRATOR).orElseThrow();
        commands.sendAndWait(new DefineEvaluationSuite(suite, UseCase.NARRATOR,
                new SuiteDataset(DatasetKind.RECENT_TURNS, null, BenchmarkWorld.WORLD_ID, turns),
                defaults.metrics(), defaults.tieMargin(), Actor.system()));

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (ModelRef incumbent : java.util.Arrays.asList(null, house)) {
            String validationId = "bench-" + UUID.randomUUID();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            commands.sendAndWait(new ValidateCandidate(validationId, house, incumbent, UseCase.NARRATOR, suite,
                    BenchmarkWorld.WORLD_ID, Actor.system()));
            ModelValidated[] found = new ModelValidated[1];
            awaitUntil(() -> (found[0] = validated(events, modelId, validationId)) != null, "validation " + validationId);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            int asked = incumbent == null ? turns : 2 * turns;
            System.out.printf(Locale.ROOT, "%-24s %d turns in %.1f s: %.1f replayed turns/s (%.1f model answers/s);"
                            + " JVM CPU %.1f s; load average %.1f on %d cores; passed=%s W/L/T %d/%d/%d %s%n",
                    incumbent == null ? "candidate alone" : "side by side (itself)", turns, seconds, turns / seconds,
                    asked / seconds, cpu, os.getSystemLoadAverage(), os.getAvailableProcessors(), found[0].passed(),
                    found[0].wins(), found[0].losses(), found[0].ties(), found[0].reasons());
        }
    }

    private static long narrations(EventStore events, String storyId) {
        return events.readEvents(storyId).asStream().filter(e -> e.getPayload() instanceof NarrationRecorded).count();
    }

    private static ModelValidated validated(EventStore events, String modelId, String validationId) {
        return events.readEvents(modelId).asStream().map(e -> e.getPayload())
                .filter(p -> p instanceof ModelValidated v && v.validationId().equals(validationId))
                .map(ModelValidated.class::cast).findFirst().orElse(null);
    }

    private static String latestVersion(QueryGateway queries, String modelId) {
        List<ModelView> models = queries.query(new FindModels(null, null, null, Actor.system()),
                ResponseTypes.multipleInstancesOf(ModelView.class)).join();
        return models.stream().filter(m -> m.modelId().equals(modelId)).flatMap(m -> m.versions().stream())
                .map(ModelVersionView::version).reduce((a, b) -> b).orElse(null);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no " + what + " within " + PATIENCE);
            }
            Thread.sleep(20);
        }
    }
}
