package io.storyteller.command.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.TextSource;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.narration.pipeline.DownloadedGuardrailLabels;
import io.storyteller.command.narration.pipeline.DownloadedGuardrailProperties;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.world.ContentRating;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A downloaded classifier (a Hub acquisition) is validated as the stages would serve it. */
class SuiteClassifiersTest {

    private static final ModelRef DOWNLOADED = new ModelRef("huggingface:tiny/toxicity", "rev1");
    private static final ModelRef NOWHERE = new ModelRef("huggingface:tiny/missing", "rev1");
    /** The tiny classifier scores "the cat sat" tense 0.727: with tense → violence that is severity 2, refused at EVERYONE only. */
    private static final Map<ContentRating, Boolean> TEEN_AND_UP = Map.of(ContentRating.EVERYONE, false,
            ContentRating.TEEN, true, ContentRating.MATURE, true, ContentRating.ADULT, true);

    @TempDir
    Path directory;
    private LocalOnnxModels local;
    private SuiteClassifiers classifiers;

    @BeforeEach
    void downloads() {
        Path toxicity = TinyModels.classifier(directory.resolve("toxicity"));
        local = new LocalOnnxModels(ref -> DOWNLOADED.equals(ref)
                ? Optional.of(new ModelArtifact(toxicity.toUri().toString(), "0".repeat(64), 1)) : Optional.empty(),
                GenerationSettings.defaults());
        classifiers = new SuiteClassifiers(new HouseClassifiers(new ClassifierStore(directory.resolve("house")), 0.5), local,
                new DownloadedGuardrailLabels(new DownloadedGuardrailProperties(Map.of("tense", "VIOLENCE"),
                        List.of(0.5, 0.7, 0.9))));
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aDownloadedGuardrailIsMeasuredOnTheLabelledItemsThroughItsMappedLabels() {
        GuardrailCase item = new GuardrailCase("g1", "the cat sat", TextSource.NARRATION,
                new HarmAssessment(Map.of(HarmCategory.VIOLENCE, 2), false), TEEN_AND_UP);

        SuiteRun run = ClassifierSuite.guardrail(List.of(item), classifiers.guardrail(DOWNLOADED), null);

        assertThat(run.candidate()).containsEntry("guardrail.accuracy.EVERYONE", 1.0)
                .containsEntry("guardrail.accuracy.TEEN", 1.0).containsEntry("guardrail.neverAllowedPasses", 0.0);
        assertThat(run.items()).singleElement().satisfies(result -> {
            assertThat(result.candidateAnswer()).isEqualTo("allowed at TEEN, MATURE, ADULT");
            assertThat(result.candidateScore()).isEqualTo(1.0);
        });
    }

    @Test
    void aDownloadedDetectorIsMeasuredThroughItsMachineWrittenLabels() throws Exception {
        Path detector = TinyModels.classifier(directory.resolve("detector"));
        Files.writeString(detector.resolve("config.json"), "{\"id2label\":{\"0\":\"human\",\"1\":\"machine\",\"2\":\"other\"}}");
        ModelRef version = new ModelRef("huggingface:tiny/detector", "rev1");
        try (LocalOnnxModels detectors = new LocalOnnxModels(ref -> version.equals(ref)
                ? Optional.of(new ModelArtifact(detector.toUri().toString(), "0".repeat(64), 1)) : Optional.empty(),
                GenerationSettings.defaults())) {
            SuiteClassifiers suite = new SuiteClassifiers(null, detectors, null);
            List<DetectorCase> cases = List.of(new DetectorCase("d1", "the cat sat", true), new DetectorCase("d2", "a mat", false));

            SuiteRun run = ClassifierSuite.detector(cases, suite.detector(version), null);

            assertThat(run.candidate()).containsKeys("detector.auroc", "detector.falsePositiveRate", "detector.truePositiveRate");
            assertThat(run.items()).hasSize(2).allSatisfy(item -> assertThat(item.candidateScore()).isBetween(0.0, 1.0));
        }
    }

    @Test
    void aDownloadedClassifierWithoutAMachineWrittenLabelIsNoDetector() {
        List<DetectorCase> cases = List.of(new DetectorCase("d1", "the cat sat", true));

        assertThatThrownBy(() -> ClassifierSuite.detector(cases, classifiers.detector(DOWNLOADED), null))
                .isInstanceOf(CannotValidateException.class)
                .hasMessageStartingWith("huggingface:tiny/toxicity@rev1 cannot serve as a detector: no label of [calm, tense, strange]");
    }

    @Test
    void aVersionNeitherStoredNorDownloadedCannotBeValidatedAndSaysSo() {
        assertThatThrownBy(() -> classifiers.guardrail(NOWHERE)).isInstanceOf(CannotValidateException.class)
                .hasMessage("huggingface:tiny/missing@rev1 is neither a house guardrail version stored here nor a downloaded classifier");
        assertThatThrownBy(() -> classifiers.detector(NOWHERE)).isInstanceOf(CannotValidateException.class)
                .hasMessageContaining("neither a house detector version");
    }
}
