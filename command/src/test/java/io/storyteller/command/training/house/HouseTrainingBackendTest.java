package io.storyteller.command.training.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.training.HouseModelMetadata;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.TrainingSettings;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The house backend trains each house model from an export, stores it, and answers its directory and number. */
class HouseTrainingBackendTest {

    private static final ModelRef DETECTOR = new ModelRef("house-classifier:detector", "1");
    private static final ModelRef GUARDRAIL = new ModelRef("house-classifier:guardrail", "1");
    private static final ModelRef REVIEWER = new ModelRef("house-classifier:reviewer", "1");
    private static final ModelRef VARN = new ModelRef("house:varn", "1");

    @TempDir
    Path data;

    private ClassifierStore classifiers() {
        return new ClassifierStore(data.resolve("house-classifiers"));
    }

    private HouseModelStore narrators() {
        return new HouseModelStore(data.resolve("house"));
    }

    private HouseTrainingBackend backend() {
        return new HouseTrainingBackend(classifiers(), narrators(), TrainingSettings.defaults(), HouseGuardrail.DEFAULT_THRESHOLD);
    }

    @Test
    void theDetectorLearnsTheExportOnTopOfItsShippedSetAndIsCrossValidated() throws Exception {
        TrainingJob job = job(UseCase.DETECTOR, DETECTOR, Map.of("crossValidationFolds", "3"), CorpusDataset.DETECTOR,
                detectorLine("d1", "I draw my sword and step into the dark hall.", "human"),
                detectorLine("d2", "The ancient hall stretches before you, shadows dancing in the flickering torchlight.", "generated"),
                detectorLine("d3", "i ask the innkeeper about the missing caravan", "human"));
        List<String> stages = new ArrayList<>();

        TrainingOutcome outcome = backend().train(job, (stage, fraction) -> stages.add(stage));

        assertThat(outcome.version()).isEqualTo("1");
        assertThat(outcome.providerModel()).isNull();
        assertThat(outcome.artifactDirectory()).isEqualTo(classifiers().versionDirectory("detector", 1));
        assertThat(outcome.artifactDirectory().resolve("model.onnx")).isNotEmptyFile();
        assertThat(outcome.metrics()).containsEntry("datasetExamples", 3.0).containsEntry("examples", 231.0);
        assertThat(outcome.metrics().get("features")).isPositive();
        assertThat(outcome.metrics().get("seconds")).isPositive();
        assertThat(outcome.metrics().get("crossValidatedAuroc")).isBetween(0.7, 1.0);
        assertThat(outcome.metrics()).containsKey("crossValidatedFalsePositiveRate");
        assertThat(stages).containsExactly("reading", "training", "cross-validating", "storing", "stored");
        ClassifierMetadata stored = classifiers().metadata("detector", 1);
        assertThat(stored.trainedOn()).endsWith("export detector.train.jsonl 3");
        assertThat(stored.corpusRange()).as("the manifest's range").isEqualTo(new CorpusRange(12, 480));
        try (HouseClassifiers serving = new HouseClassifiers(classifiers(), HouseGuardrail.DEFAULT_THRESHOLD)) {
            assertThat(serving.detector(DETECTOR).orElseThrow().score("I open the door.")).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aVersionTrainedBesideTheServedOneIsOnlyACandidate() throws Exception {
        TrainingJob job = job(UseCase.DETECTOR, DETECTOR, Map.of("crossValidationFolds", "0"), CorpusDataset.DETECTOR,
                detectorLine("d1", "I whistle for my horse.", "human"));
        backend().train(job, (stage, fraction) -> { });

        TrainingOutcome second = backend().train(job, (stage, fraction) -> { });

        assertThat(second.version()).isEqualTo("2");
        assertThat(second.metrics()).doesNotContainKey("crossValidatedAuroc");
        assertThat(classifiers().defaultVersion("detector")).hasValue(1);
    }

    @Test
    void theGuardrailLearnsModeratorDecisionsOnlyUnlessAskedForUnreviewedBeats() throws Exception {
        TrainingJob job = job(UseCase.GUARDRAIL, GUARDRAIL, Map.of("crossValidationFolds", "0"), CorpusDataset.GUARDRAIL,
                guardrailLine("g1", "You are worthless and everyone here despises you.", "harassment", 2, true),
                guardrailLine("g2", "I pour the tea and ask the abbot about the bells.", null, 0, true),
                guardrailLine("g3", "I walk down to the harbour.", null, 0, false));

        TrainingOutcome outcome = backend().train(job, (stage, fraction) -> { });

        assertThat(outcome.version()).isEqualTo("1");
        assertThat(outcome.metrics()).containsEntry("datasetExamples", 2.0);
        assertThat(classifiers().metadata("guardrail", 1).trainedOn()).endsWith("export guardrail.train.jsonl 2");
        try (HouseClassifiers serving = new HouseClassifiers(classifiers(), HouseGuardrail.DEFAULT_THRESHOLD)) {
            assertThat(serving.guardrail(GUARDRAIL).orElseThrow().model()).isEqualTo("house-classifier:guardrail:v1");
        }
    }

    @Test
    void theNarratorLearnsTheSftTurnsOfItsWorldsKeyAndNarrates() throws Exception {
        TrainingJob job = job(UseCase.NARRATOR, VARN, Map.of("maxVocabulary", "256"), CorpusDataset.SFT,
                sftLine("I climb the tower.", "The wind howls and the flame bends low above the Grey Sea."),
                sftLine("I ring the bell.", "Far below, a ship answers with a horn, and the keeper smiles."));

        TrainingOutcome outcome = backend().train(job, (stage, fraction) -> { });

        assertThat(outcome.version()).isEqualTo("1");
        assertThat(outcome.artifactDirectory()).isEqualTo(narrators().versionDirectory("varn", 1));
        assertThat(outcome.metrics()).containsEntry("examples", 4.0);
        assertThat(outcome.metrics().get("vocabulary")).isPositive();
        assertThat(outcome.metrics().get("tokens")).isPositive();
        HouseModelMetadata stored = narrators().metadata("varn", 1);
        assertThat(stored.settings().maxVocabulary()).isEqualTo(256);
        assertThat(stored.corpusRange()).isEqualTo(new CorpusRange(12, 480));
        try (HouseModelRuntime runtime = narrators().load("varn", 1)) {
            assertThat(runtime.generate("I look at the sea", GenerationSettings.defaults().withMaxTokens(8), piece -> { })
                    .text()).isNotBlank();
        }
    }

    @Test
    void whatTheHouseCannotTrainIsRefusedWithTheReason() throws Exception {
        HouseTrainingBackend backend = backend();
        TrainingJob detector = job(UseCase.DETECTOR, DETECTOR, Map.of(), CorpusDataset.DETECTOR,
                detectorLine("d1", "I whistle.", "human"));

        assertThat(backend.supports(detector).supported()).isTrue();
        assertThat(backend.supports(with(detector, UseCase.REVIEWER, DETECTOR, Map.of())).reason())
                .contains("is not the house reviewer");
        assertThat(backend.supports(with(detector, UseCase.REVIEWER, REVIEWER, Map.of())).reason())
                .contains("no ratings or preferences train file");
        assertThat(backend.supports(with(detector, UseCase.EMBEDDER, DETECTOR, Map.of())).supported()).isFalse();
        assertThat(backend.supports(with(detector, UseCase.DETECTOR, GUARDRAIL, Map.of())).reason())
                .contains("is not the house detector");
        assertThat(backend.supports(with(detector, UseCase.GUARDRAIL, GUARDRAIL, Map.of())).reason())
                .contains("no guardrail train file");
        assertThat(backend.supports(with(detector, UseCase.NARRATOR, DETECTOR, Map.of())).reason())
                .contains("is not a house narrator");
        assertThat(backend.supports(with(detector, UseCase.NARRATOR, VARN, Map.of())).reason())
                .contains("no sft train records");
        assertThat(backend.supports(with(detector, UseCase.DETECTOR, DETECTOR, Map.of("epochs", "many"))).reason())
                .contains("hyperParameters.epochs");
        assertThat(backend.supports(with(detector, UseCase.DETECTOR, DETECTOR, Map.of("crossValidationFolds", "1"))).reason())
                .contains("hyperParameters.crossValidationFolds");
        assertThat(new HouseTrainingBackend(null, narrators(), TrainingSettings.defaults(), 0.7).supports(detector).reason())
                .contains("storyteller.house-classifier.enabled=false");
        assertThatThrownBy(() -> backend.train(with(detector, UseCase.REVIEWER, REVIEWER, Map.of()), (s, f) -> { }))
                .isInstanceOf(TrainingFailedException.class).hasMessageContaining("no ratings or preferences train file");
    }

    @Test
    void anExportNotInTheHouseFormatFailsNamingTheLine() throws Exception {
        TrainingJob job = job(UseCase.DETECTOR, DETECTOR, Map.of(), CorpusDataset.DETECTOR,
                detectorLine("d1", "I whistle.", "robot"));

        assertThatThrownBy(() -> backend().train(job, (s, f) -> { })).isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("line 1").hasMessageContaining("label");
        assertThat(classifiers().versions("detector")).isEmpty();
    }

    @Test
    void anInterruptedRunStopsBeforeItsNextPhaseAndStoresNothing() throws Exception {
        TrainingJob job = job(UseCase.NARRATOR, VARN, Map.of(), CorpusDataset.SFT,
                sftLine("I climb the tower.", "The wind howls."));
        List<String> stages = new ArrayList<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> backend().train(job, (stage, fraction) -> stages.add(stage)))
                    .isInstanceOf(TrainingFailedException.class).hasMessageContaining("interrupted before training");
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt stays set for the caller").isTrue();
        }
        assertThat(stages).containsExactly("reading");
        assertThat(narrators().versions("varn")).isEmpty();
    }

    private TrainingJob job(UseCase useCase, ModelRef base, Map<String, String> parameters, CorpusDataset dataset,
            String... lines) throws Exception {
        Path export = data.resolve("corpora").resolve("e1");
        Files.createDirectories(export);
        String name = dataset.key() + ".train.jsonl";
        Files.write(export.resolve(name), List.of(lines));
        Files.writeString(export.resolve("manifest.json"), "{\"firstSequence\":12,\"lastSequenceRead\":480}");
        CorpusFile file = new CorpusFile(dataset, "train", name, lines.length, "0".repeat(64));
        return new TrainingJob("ft-1", base, null, useCase, export, List.of(file), parameters, data.resolve("out"));
    }

    private static TrainingJob with(TrainingJob job, UseCase useCase, ModelRef base, Map<String, String> parameters) {
        return new TrainingJob(job.fineTuningId(), base, null, useCase, job.datasetDirectory(), job.files(), parameters,
                job.outputDirectory());
    }

    private static String detectorLine(String id, String text, String label) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"label\":\"" + label + "\",\"source\":\"action\"}";
    }

    private static String guardrailLine(String id, String text, String category, int severity, boolean reviewed) {
        String categories = category == null ? "[]" : "[\"" + category + "\"]";
        boolean clean = severity == 0;
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"source\":\"player\",\"categories\":" + categories
                + ",\"severity\":" + severity + ",\"realWorld\":false,\"allowed\":{\"E\":" + clean + ",\"T\":" + clean
                + ",\"M\":true,\"AO\":true},\"reviewed\":" + reviewed + "}";
    }

    private static String sftLine(String action, String narration) {
        return "{\"messages\":[{\"role\":\"system\",\"content\":\"You narrate Varn.\"},{\"role\":\"user\",\"content\":\""
                + action + "\"},{\"role\":\"assistant\",\"content\":\"" + narration + "\"}]}";
    }
}
