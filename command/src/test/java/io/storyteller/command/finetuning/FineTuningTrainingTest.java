package io.storyteller.command.finetuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.registry.FakeRegistry;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.training.TrainingBackend;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.command.training.TrainingProgress;
import io.storyteller.command.training.TrainingSupport;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusExportStatus;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.finetuning.FindTrainingStage;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.RecordTrainedCandidate;
import io.storyteller.domain.finetuning.RecordTrainingStart;
import io.storyteller.domain.finetuning.ReportFineTuningSetback;
import io.storyteller.domain.finetuning.StopFineTuningTraining;
import io.storyteller.domain.finetuning.TrainFineTuningCandidate;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training work picks the backend by name, bounds it by the timeout, and registers what it made with full lineage. */
class FineTuningTrainingTest {

    static final ModelRef BASE = new ModelRef("house:detector", "3");
    static final FineTuningDataset DATASET = new FineTuningDataset("exp-1", "corpora/exp-1", "cd".repeat(32),
            Map.of("detector.train.jsonl", 90L));
    static final ModelSpec HOUSE = new ModelSpec("house", "detector", ModelKind.CLASSIFIER, List.of("detector"), 512,
            TokenPrice.zero(), "house");
    static final ModelSpec OPENAI = new ModelSpec("openai", "gpt-4o-mini", ModelKind.CHAT, List.of("chat"), 128_000,
            TokenPrice.zero(), "proprietary");

    @TempDir
    Path data;
    private final FakeRegistry registry = new FakeRegistry();
    private final List<Object> reports = new CopyOnWriteArrayList<>();
    private RegistryCommands registryCommands;
    private FineTuningTraining work;

    /** A backend of the tests, doing what {@code training} says. */
    record Backend(String name, TrainingSupport support, BiFunction<TrainingJob, TrainingProgress, TrainingOutcome> training)
            implements TrainingBackend {
        @Override
        public TrainingSupport supports(TrainingJob job) {
            return support;
        }

        @Override
        public TrainingOutcome train(TrainingJob job, TrainingProgress progress) {
            return training.apply(job, progress);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(data.resolve("corpora/exp-1"));
        registry.given(new RegisterModel("house:detector", HOUSE, ModelSource.HOUSE_TRAINED, null, Actor.system()), "1", "2", "3");
        registry.given(new RegisterModel("openai:gpt-4o-mini", OPENAI, ModelSource.PAID_API, null, Actor.system()), "2024-07-18");
        registryCommands = new RegistryCommands(registry);
    }

    @AfterEach
    void tearDown() {
        if (work != null) {
            work.close();
        }
        registryCommands.close();
    }

    private void with(TrainingBackend... backends) {
        FineTuningLookups lookups = new FineTuningLookups() {
            @Override
            public Optional<ModelView> model(String modelId) {
                return registry.views(modelId.substring(0, modelId.indexOf(':'))).stream()
                        .filter(view -> view.modelId().equals(modelId)).findFirst();
            }

            @Override
            public Optional<CorpusExportView> export(String exportId) {
                return Optional.of(new CorpusExportView(exportId, CorpusExportStatus.COMPLETED, "system", Instant.EPOCH,
                        Instant.EPOCH, "corpora/" + exportId, null, 1L, 9L, 9, List.of(new CorpusFile(CorpusDataset.DETECTOR,
                        "train", "detector.train.jsonl", 90, "ef".repeat(32))), "cd".repeat(32), null));
            }
        };
        work = new FineTuningTraining(new TrainingBackends(List.of(backends)), lookups, new CandidateRegistration(registryCommands),
                reports::add, data);
    }

    private static TrainFineTuningCandidate train(ModelRef base, String backend, Duration timeout, int attempt) {
        return new TrainFineTuningCandidate("ft-1", base, UseCase.DETECTOR, backend, DATASET, Map.of("epochs", "3"), timeout, attempt);
    }

    private static TrainingOutcome files(TrainingJob job) {
        try {
            Files.writeString(job.outputDirectory().resolve("model.onnx"), "weights of " + job.files().getFirst().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrainingOutcome(null, job.outputDirectory(), null, Map.of("accuracy", 0.93), null);
    }

    private void run(TrainFineTuningCandidate command) throws Exception {
        work.start(command).get(10, TimeUnit.SECONDS);
    }

    @Test
    void filesBecomeTheNextVersionOfTheBaseWithFullLineage() throws Exception {
        with(new Backend("house", TrainingSupport.yes(), (job, progress) -> files(job)));
        run(train(BASE, "house", Duration.ofSeconds(5), 1));
        AddModelVersion added = registry.sent(AddModelVersion.class).getFirst();
        assertThat(added.version()).isEqualTo("4");
        assertThat(added.derivedFrom()).isEqualTo(BASE);
        assertThat(added.artifact().uri()).startsWith("file:").endsWith("/models/fine-tuned/ft-1/1/");
        assertThat(added.training().exportId()).isEqualTo("exp-1");
        assertThat(added.training().datasetDigest()).isEqualTo("cd".repeat(32));
        assertThat(added.training().records()).containsEntry("detector.train.jsonl", 90L);
        assertThat(added.training().hyperParameters()).containsEntry("epochs", "3");
        assertThat(added.training().metrics()).containsEntry("accuracy", 0.93);
        assertThat(added.training().backend()).isEqualTo("house");
        assertThat(reports).containsExactly(new RecordTrainingStart("ft-1", 1, Actor.system()),
                new RecordTrainedCandidate("ft-1", new ModelRef("house:detector", "4"), Map.of("accuracy", 0.93), Actor.system()));
    }

    @Test
    void aProvidersModelIsRegisteredAsAFineTunedModelDerivedFromTheBase() throws Exception {
        with(new Backend("openai", TrainingSupport.yes(),
                (job, progress) -> new TrainingOutcome("ft:gpt-4o-mini:acme::abc", null, null, Map.of("loss", 0.4), "ftjob-1")));
        ModelRef base = new ModelRef("openai:gpt-4o-mini", "2024-07-18");
        run(new TrainFineTuningCandidate("ft-1", base, UseCase.NARRATOR, "openai", DATASET, Map.of(), Duration.ofSeconds(5), 1));
        RegisterModel registered = registry.sent(RegisterModel.class).getFirst();
        assertThat(registered.modelId()).isEqualTo("openai:ft:gpt-4o-mini:acme::abc");
        assertThat(registered.source()).isEqualTo(ModelSource.FINE_TUNED);
        assertThat(registered.spec().kind()).isEqualTo(ModelKind.CHAT);
        AddModelVersion added = registry.sent(AddModelVersion.class).getFirst();
        assertThat(added.derivedFrom()).isEqualTo(base);
        assertThat(added.training().externalJobId()).isEqualTo("ftjob-1");
        assertThat(reports).last().isEqualTo(new RecordTrainedCandidate("ft-1",
                new ModelRef("openai:ft:gpt-4o-mini:acme::abc", "1"), Map.of("loss", 0.4), Actor.system()));
    }

    @Test
    void aBackendThatCannotTrainTheJobIsASetbackNoRetryMends() throws Exception {
        with(new Backend("house", TrainingSupport.no("house trains classifiers only"), (job, progress) -> files(job)));
        run(train(BASE, "house", Duration.ofSeconds(5), 1));
        assertThat(reports).containsExactly(new ReportFineTuningSetback("ft-1", FineTuningStep.TRAIN, 1,
                "backend house cannot train this: house trains classifiers only", false, Actor.system()));
        assertThat(registry.sent).isEmpty();
    }

    @Test
    void aFailedTrainingIsARetryableSetbackWithTheBackendsReason() throws Exception {
        with(new Backend("house", TrainingSupport.yes(), (job, progress) -> {
            throw new TrainingFailedException("loss diverged");
        }));
        run(train(BASE, "house", Duration.ofSeconds(5), 2));
        assertThat(reports).last().isEqualTo(new ReportFineTuningSetback("ft-1", FineTuningStep.TRAIN, 2, "loss diverged", true,
                Actor.system()));
    }

    @Test
    void aTrainingPastItsTimeoutIsInterruptedAndReported() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        with(new Backend("house", TrainingSupport.yes(), (job, progress) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new TrainingFailedException("interrupted");
        }));
        run(train(BASE, "house", Duration.ofMillis(200), 1));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(reports).last().isEqualTo(new ReportFineTuningSetback("ft-1", FineTuningStep.TRAIN, 1,
                "training took longer than 0.2s", true, Actor.system()));
    }

    @Test
    void stoppingInterruptsTheRunningTrainingAndReportsNothingMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        with(new Backend("house", TrainingSupport.yes(), (job, progress) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new TrainingFailedException("interrupted");
        }));
        Future<?> supervising = work.start(train(BASE, "house", Duration.ofMinutes(1), 1));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        work.handle(new StopFineTuningTraining("ft-1"));
        supervising.get(5, TimeUnit.SECONDS);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(reports).containsExactly(new RecordTrainingStart("ft-1", 1, Actor.system()));
    }

    @Test
    void theLatestStageIsReadableWhileTheTrainingRunsAndGoneAfter() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        with(new Backend("house", TrainingSupport.yes(), (job, progress) -> {
            progress.report("uploading", -1);
            progress.report("training", 0.4);
            reported.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return files(job);
        }));
        Future<?> supervising = work.start(train(BASE, "house", Duration.ofMinutes(1), 1));
        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(work.handle(new FindTrainingStage("ft-1"))).contains("training 40%");
        assertThat(work.handle(new FindTrainingStage("ft-2"))).isEmpty();
        release.countDown();
        supervising.get(5, TimeUnit.SECONDS);
        assertThat(work.handle(new FindTrainingStage("ft-1"))).isEmpty();
    }
}
