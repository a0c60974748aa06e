package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detector slot served by a downloaded ONNX text classifier scores in-process, by its machine-written labels. */
class HouseDetectorStageTest {

    private static final ModelRef DOWNLOADED = new ModelRef("huggingface:tiny/detector", "rev1");

    @TempDir
    Path directory;

    @Test
    void aDownloadedClassifierScoresTheMassOfItsMachineWrittenLabels() throws Exception {
        Path files = TinyModels.classifier(directory.resolve("detector"));
        Files.writeString(files.resolve("config.json"), "{\"id2label\":{\"0\":\"human\",\"1\":\"machine-generated\",\"2\":\"other\"}}");
        try (LocalOnnxModels local = new LocalOnnxModels(ref -> ref.equals(DOWNLOADED)
                ? Optional.of(new ModelArtifact(files.toUri().toString(), "0".repeat(64), 1)) : Optional.empty(),
                GenerationSettings.defaults());
             HouseClassifiers house = new HouseClassifiers(new ClassifierStore(directory.resolve("house")), 0.5)) {
            TextDetector.DetectorReading reading = new HouseDetectorStage(slots(), house, null, local).read("w1", "the cat sat");

            // logits (-0.375, 1.5, 0) by hand (see OnnxEncodersTest): P(machine-generated) = e^1.5 / (e^-0.375 + e^1.5 + 1)
            assertThat(reading.score()).isCloseTo(Math.exp(1.5) / (Math.exp(-0.375) + Math.exp(1.5) + 1), within(1e-6));
            assertThat(reading.model()).isEqualTo("huggingface:tiny/detector");
            assertThat(reading.modelVersion()).isEqualTo("rev1");
        }
    }

    @Test
    void labelsThatSayNothingOfMachineWritingMakeNoDetector() {
        assertThat(DetectorLabels.machineLikeness(Map.of("Real", 0.3, "Fake", 0.7))).isEqualTo(0.7);
        assertThat(DetectorLabels.machineLikeness(Map.of("LABEL_0", 0.4, "LABEL_1", 0.6))).isEqualTo(0.6);
        assertThat(DetectorLabels.machineLikeness(Map.of("human", 0.1, "AI", 0.9))).isEqualTo(0.9);
        assertThatThrownBy(() -> DetectorLabels.machineLikeness(Map.of("calm", 0.5, "tense", 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("machine-written");
    }

    private static StageSlots slots() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class,
                message -> new NarratorRoute("detector:global", DOWNLOADED, null));
        return new StageSlots(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(2), Clock.systemUTC());
    }
}
