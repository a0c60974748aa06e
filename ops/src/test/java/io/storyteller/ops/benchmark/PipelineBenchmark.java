package io.storyteller.ops.benchmark;

import ai.onnxruntime.OrtEnvironment;
import io.storyteller.command.continuity.recording.StoryFactRecorder;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.guardrail.TextSource;
import io.storyteller.command.housemodel.classifier.training.ClassifierPublisher;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.narration.PlayerInputGuard;
import io.storyteller.command.narration.Recall;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.pipeline.Coherence;
import io.storyteller.command.narration.pipeline.ContinuityReview;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.TextDetector;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A runnable benchmark, not a test: the narration pipeline's overhead per turn without the model,
 * in a world of {@code bench.loreEntries} (10,000) lore entries, on the real application (embedded
 * PostgreSQL and OpenSearch, fresh data directory, no seed world). The narration engine is stopped;
 * {@link PipelineTurns} takes each turn's steps with the application's own beans and times them,
 * over {@code bench.stories} (6) stories in turn, once turns on stories of their own have let the JIT compiler
 * settle ({@link #jitWarmup}): {@code bench.warmupTurns} (60) unmeasured turns,
 * then {@code bench.turns} (300), each begun once the one before is fully projected
 * ({@code bench.between=idle}) or once only the story index and facts hold it ({@code search}). Then
 * the detector, guardrail and embedder alone, per text, over the candidates judged. Prints Markdown tables.
 */
public final class PipelineBenchmark {

    /** The process's own stdout: the embedded node redirects System.out into its log once it starts. */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(20);
    private static final Duration TURN_LIMIT = Duration.ofSeconds(60);
    /** Turns over which the JIT warm-up reads the compiler's share of the time. */
    private static final int JIT_WINDOW = 100;
    /** Turns each story of the JIT warm-up takes: as many as a measured story's (60 warm-up and 300 measured over 6). */
    private static final int JIT_STORY_TURNS = 60;
    /**
     * {@code bench.training}: the house detector and narrator retrain back to back while the turns run, on
     * their background threads, as a busy platform's retraining would beside play.
     */
    private static final boolean TRAINING = Boolean.getBoolean("bench.training");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        System.getProperties().putIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.core.impl.Log4jContextFactory");
        OrtEnvironment.getEnvironment().setTelemetry(false);
        int exitCode = 0;
        ConfigurableApplicationContext context = null;
        PipelineReport report = new PipelineReport(OUT);
        try {
            Path root = Path.of(System.getProperty("bench.dataRoot",
                    Files.isDirectory(Path.of("ops", "src")) ? "ops/target/benchmark-data" : "target/benchmark-data"));
            Path run = Files.createTempDirectory(Files.createDirectories(root).toAbsolutePath(), "pipeline-");
            long bootStart = System.nanoTime();
            context = new SpringApplicationBuilder(StorytellerApplication.class).run(
                    "--server.port=0",
                    "--storyteller.data-dir=" + run,
                    "--storyteller.opensearch.uris=",
                    "--storyteller.seed.enabled=false",
                    // No training while measuring (the house classifiers' first pass still runs at start), or with
                    // bench.training=true training back to back: a pass a second, the detector retrained on every new text.
                    "--storyteller.house-model.retrain-delay=" + (TRAINING ? "1s" : "24h"),
                    "--storyteller.house-classifier.retrain-delay=" + (TRAINING ? "1s" : "24h"),
                    "--storyteller.house-classifier.detector-min-new-texts=1",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.io.storyteller=WARN",
                    "--logging.level.org.springframework.core.annotation=ERROR");
            report.line("== Pipeline benchmark, %s, JDK %s, %d cores; application started in %.1f s ==", Instant.now(),
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), (System.nanoTime() - bootStart) / 1e9);
            run(context, report);
        } catch (Throwable e) {
            report.line("Benchmark failed: %s", e);
            e.printStackTrace(OUT);
            exitCode = 1;
        } finally {
            if (context != null) {
                context.close();
            }
        }
        OUT.println();
        OUT.print(report.text());
        OUT.flush();
        System.exit(exitCode);
    }

    private static void run(ConfigurableApplicationContext context, PipelineReport report) throws Exception {
        int loreEntries = Integer.getInteger("bench.loreEntries", 10_000);
        int storyCount = Integer.getInteger("bench.stories", 6);
        int warmupTurns = Integer.getInteger("bench.warmupTurns", 60);
        int measuredTurns = Integer.getInteger("bench.turns", 300);
        CommandGateway commands = context.getBean(CommandGateway.class);
        Processors processors = new Processors(context.getBean(EventProcessingConfiguration.class),
                context.getBean(EventStore.class), context.getBean(TokenStore.class), context.getBean(TransactionManager.class));
        processors.named("narration").shutDown(); // the benchmark takes the engine's steps itself

        PipelineWorld world = new PipelineWorld(commands);
        double loreSeconds = world.create(loreEntries);
        long indexStart = System.nanoTime();
        Processors.awaitAtHead(processors.named(LoreIndexProjection.GROUP), processors.headIndex(), 0, SETUP_LIMIT);
        report.line("world: %,d lore entries added in %.1f s (%.0f commands/s); lore index caught up %.1f s later; %s",
                loreEntries, loreSeconds, loreEntries / loreSeconds, (System.nanoTime() - indexStart) / 1e9, load());
        if (!context.getBean(HouseClassifierTraining.class).awaitFirstPass(SETUP_LIMIT)) {
            throw new IllegalStateException("the house guardrail and detector were not trained in time");
        }

        NarrationContexts contexts = context.getBean(NarrationContexts.class);
        QueryGateway queries = context.getBean(QueryGateway.class);
        TimedChecks checks = new TimedChecks(context.getBean(ContinuityReview.class), context.getBean(Coherence.class),
                context.getBean(TextDetector.class), context.getBean(HarmGuard.class));
        // the guard as the command bus runs it (not a bean: see DomainConfiguration), timed alone here
        PlayerInputGuard guard = new PlayerInputGuard(contexts, context.getBean(HarmGuard.class), context.getBean(Recall.class));
        PipelineTurns turns = new PipelineTurns(commands, guard, contexts,
                context.getBean(Routes.class), context.getBean(Recall.class), queries, context.getBean(ContextAssembler.class),
                checks, loreEntries);

        List<String> stories = world.startStories(storyCount);
        long foldStart = System.nanoTime();
        contexts.contextFor(PipelineWorld.WORLD_ID, stories.getFirst()).orElseThrow();
        report.line("first context fold of the world (all %,d lore events read from the store, then kept): %.0f ms",
                loreEntries, (System.nanoTime() - foldStart) / 1e6);

        // Between turns, as a player reads the narration before acting again: the next turn begins when every
        // processor has handled this one (bench.between=idle, the default). bench.between=search: back to back,
        // once the story index and the story's facts hold this turn (what the next reads); the other
        // projections' work on this turn then runs beside the next.
        boolean idle = !"search".equals(System.getProperty("bench.between", "idle"));
        List<StreamingEventProcessor> awaited = idle ? processors.running()
                : List.of(processors.named(BeatIndexProjection.GROUP), processors.named(StoryFactRecorder.GROUP));
        Consumer<String> settle = storyId -> {
            long head = processors.headIndex();
            awaited.forEach(processor -> Processors.awaitAtHead(processor, head, 0, TURN_LIMIT));
        };
        report.line("between turns: %s", idle
                ? "every processor at the head of the log (" + awaited.size() + " processors), as when a player reads before acting"
                : "the story index and the story's facts at the head of the log, the other processors' work running beside the next turn");
        jitWarmup(world, turns, storyCount, settle, report);
        for (int t = 0; t < warmupTurns; t++) {
            long start = System.nanoTime();
            turns.turn(stories.get(t % storyCount), t % storyCount, t / storyCount, settle);
            if (t < 3) {
                OUT.printf("  warm-up turn %d: %.0f ms%n", t + 1, (System.nanoTime() - start) / 1e6);
            }
        }
        checks.reset();
        turns.refusals().clear();
        List<PipelineTurns.Parts> measured = new ArrayList<>();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        ClassifierStore classifiers = context.getBean(ClassifierStore.class);
        int detectorsBefore = classifiers.versions(ClassifierPublisher.DETECTOR).size();
        double cpuBefore = CpuTime.ofThisProcess();
        long started = System.nanoTime();
        Latencies guardAll = new Latencies();
        int t = warmupTurns;
        while (measured.size() < measuredTurns) {
            PipelineTurns.Parts parts = turns.turn(stories.get(t % storyCount), t % storyCount, t / storyCount, settle);
            guardAll.add(parts.guard());
            if (!parts.refused()) {
                measured.add(parts);
                if (measured.size() % 50 == 0) {
                    OUT.printf("  %d turns measured, %.0f s%n", measured.size(), (System.nanoTime() - started) / 1e9);
                }
            }
            t++;
        }
        report.line("%d stories, %d warm-up turns, then %d measured turns (up to %d beats a story); candidates are "
                        + "scripted prose, the model's own time is not in any figure; %s", storyCount, warmupTurns,
                measuredTurns, 2 * ((warmupTurns + measuredTurns) / storyCount + 1), load());
        double measuredMillis = (System.nanoTime() - started) / 1e6;
        long jitMillis = jit.getTotalCompilationTime() - jitBefore;
        report.line("JIT compiler while the turns were measured: %.1f s in %.1f s (%.1f %% of the wall time)",
                jitMillis / 1e3, measuredMillis / 1e3, 100 * jitMillis / measuredMillis);
        double cpuSeconds = CpuTime.ofThisProcess() - cpuBefore;
        report.line("this process's CPU while the turns were measured: %.1f s in %.1f s (%.2f cores); training %s, "
                        + "%d house detector versions trained meanwhile", cpuSeconds, measuredMillis / 1e3,
                cpuSeconds / (measuredMillis / 1e3), TRAINING ? "back to back (bench.training)" : "off",
                classifiers.versions(ClassifierPublisher.DETECTOR).size() - detectorsBefore);
        report.turns(measured).load();
        report.line("player-input guard over every measured action (%d, of which %d refused at TEEN and not narrated): p50 %.2f ms, p99 %.2f ms",
                guardAll.count(), turns.refusals().size(), guardAll.percentileMillis(0.50), guardAll.percentileMillis(0.99));
        turns.refusals().forEach(refusal -> report.line("  refused: %s", refusal));
        report.perCall("Stages per call while the turns ran (ms)", List.of(
                new Object[] {"continuity review (one candidate against the lore in play and the story)", checks.continuity.calls()},
                new Object[] {"coherence: one EmbedTexts of 1 or 3 candidates (the context was embedded beside the turn)", checks.coherence.calls()},
                new Object[] {"detector stage (slot lookup, cached; house detector)", checks.detector.calls()},
                new Object[] {"guardrail stage on a candidate (slot lookup, cached; house guardrail)", checks.guardrail.calls()}));
        models(context, turns.candidatesSeen(), report);
        report.load();
    }

    /**
     * Turns on stories of their own (a new set every {@value #JIT_STORY_TURNS} turns each: compiled for stories
     * their recent window holds whole and for longer ones, as the measured turns meet both) until the JIT compiler has compiled what the turns run: a node
     * that has served for a while runs compiled code, and the figures are meant to be its. Stops once
     * the compiler's time over the last {@value #JIT_WINDOW} turns is under {@code bench.jitQuiet}
     * (2 %) of their wall time, or after {@code bench.jitWarmupTurns} (3,000) turns.
     */
    private static void jitWarmup(PipelineWorld world, PipelineTurns turns, int storyCount, Consumer<String> settle,
            PipelineReport report) throws Exception {
        int most = Integer.getInteger("bench.jitWarmupTurns", 3_000);
        double quiet = Double.parseDouble(System.getProperty("bench.jitQuiet", "0.02"));
        if (most <= 0) {
            report.line("JIT warm-up: none (bench.jitWarmupTurns=0)");
            return;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<String> stories = List.of();
        long began = System.nanoTime();
        long windowStart = began;
        long windowJit = jit.getTotalCompilationTime();
        double share = 1;
        int t = 0;
        while (t < most && share >= quiet) {
            int turn = t / storyCount % JIT_STORY_TURNS;
            if (t % storyCount == 0 && turn == 0) {
                stories = world.startStories("bench-pipeline-jit-" + t / storyCount / JIT_STORY_TURNS + "-", storyCount);
            }
            turns.turn(stories.get(t % storyCount), storyCount + t % storyCount, turn, settle);
            t++;
            if (t % JIT_WINDOW == 0) {
                long now = System.nanoTime();
                long compiled = jit.getTotalCompilationTime();
                share = (compiled - windowJit) / ((now - windowStart) / 1e6);
                OUT.printf("  JIT warm-up: %d turns, compiler at %.1f %% of the last %d turns' wall time%n", t,
                        100 * share, JIT_WINDOW);
                windowStart = now;
                windowJit = compiled;
            }
        }
        report.line("JIT warm-up: %d turns on stories of their own (%d at a time, %d turns each) in %.0f s, until the "
                        + "compiler took %.1f %% of the last %d turns' wall time (stop below %.1f %%, or at %d turns)", t,
                storyCount, JIT_STORY_TURNS,
                (System.nanoTime() - began) / 1e9, 100 * share, JIT_WINDOW, 100 * quiet, most);
    }

    /** The models alone, one text per call, over the candidates the turns judged. */
    private static void models(ConfigurableApplicationContext context, List<String> texts, PipelineReport report) {
        HouseClassifiers classifiers = context.getBean(HouseClassifiers.class);
        HouseDetector detector = classifiers.defaultDetector().orElseThrow();
        HouseGuardrail guardrail = classifiers.defaultGuardrail().orElseThrow();
        SentenceEmbedder sentences = context.getBean(SentenceEmbedder.class);
        TextEmbedder embedder = context.getBean(TextEmbedder.class);
        List<String> sample = texts.subList(Math.max(0, texts.size() - 600), texts.size());
        report.perCall("The models alone, one candidate text per call, in process (" + sample.size() + " texts; ms)", List.of(
                new Object[] {"house detector (" + detector.model() + ")", time(sample, detector::score)},
                new Object[] {"house guardrail (" + guardrail.model() + ")", time(sample, t -> guardrail.classify(t, TextSource.NARRATION))},
                new Object[] {"embedder all-MiniLM-L6-v2 (quantized), ONNX Runtime", time(sample, sentences::embed)},
                new Object[] {"embedder through the query gateway (EmbedTexts, one text)", time(sample,
                        t -> embedder.embedOne(PipelineWorld.WORLD_ID, t))}));
    }

    private static Latencies time(List<String> texts, Function<String, ?> call) {
        texts.subList(0, Math.min(50, texts.size())).forEach(call::apply); // warm
        Latencies latencies = new Latencies();
        for (String text : texts) {
            long start = System.nanoTime();
            call.apply(text);
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static String load() {
        return String.format(java.util.Locale.ROOT, "load average (1 min) %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
