package io.storyteller.command.housemodel.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierStoreTest {

    @TempDir
    Path root;

    private static TrainedClassifier trained() {
        return new ClassifierTrainer().train(List.of(
                new LabelledText("The wind howls through the ancient ruins, whispering of a forgotten age.", List.of(), Set.of("generated")),
                new LabelledText("i open the door", List.of(), Set.of()),
                new LabelledText("A sense of dread settles over you like a heavy cloak.", List.of(), Set.of("generated")),
                new LabelledText("ok i ask the bartender about the caravan", List.of(), Set.of())), TrainingOptions.defaults());
    }

    @Test
    void aStoredVersionScoresExactlyAsTheTrainedModel() {
        ClassifierStore store = new ClassifierStore(root);
        TrainedClassifier trained = trained();
        ClassifierMetadata metadata = store.save("detector", trained, new CorpusRange(0, 41), "four texts");

        assertThat(metadata.version()).isEqualTo(1);
        assertThat(metadata.modelName()).isEqualTo("house-classifier:detector:v1");
        assertThat(metadata.labels()).containsExactly("generated");
        assertThat(metadata.corpusRange()).isEqualTo(new CorpusRange(0, 41));
        assertThat(store.latest("detector")).contains(metadata);
        try (ClassifierRuntime fromDisk = store.load("detector", 1);
             ClassifierRuntime inMemory = ClassifierRuntime.of(trained, "memory")) {
            String text = "The door creaks open, revealing a corridor bathed in silver light.";
            assertThat(fromDisk.scores(text, List.of())).containsExactly(inMemory.scores(text, List.of()));
            assertThat(fromDisk.modelName()).isEqualTo("house-classifier:detector:v1");
        }
    }

    @Test
    void versionsCountUpPerKey() {
        ClassifierStore store = new ClassifierStore(root);
        TrainedClassifier trained = trained();
        store.save("detector", trained, new CorpusRange(-1, -1), "a");
        store.save("detector", trained, new CorpusRange(-1, -1), "b");
        store.save("guardrail", trained, new CorpusRange(-1, -1), "c");

        assertThat(store.versions("detector")).containsExactly(1, 2);
        assertThat(store.versions("guardrail")).containsExactly(1);
        assertThat(store.latest("detector").orElseThrow().trainedOn()).isEqualTo("b");
        assertThat(store.modelSize("detector", 2)).isPositive();
    }

    @Test
    void aCorruptModelIsRefusedOnLoad() throws Exception {
        ClassifierStore store = new ClassifierStore(root);
        store.save("detector", trained(), new CorpusRange(-1, -1), "a");
        Path model = root.resolve("detector/v1/model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 1] ^= 1;
        Files.write(model, bytes);

        assertThatThrownBy(() -> store.load("detector", 1)).hasMessageContaining("corrupt");
    }

    @Test
    void keysAndVersionsAreChecked() {
        ClassifierStore store = new ClassifierStore(root);
        assertThatThrownBy(() -> store.latest("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.load("detector", 3)).hasMessageContaining("no version 3");
    }

    @Test
    void aSetWithoutASingleLabelCannotTrain() {
        assertThatThrownBy(() -> new ClassifierTrainer().train(List.of(new LabelledText("i open the door", List.of(), Set.of())),
                TrainingOptions.defaults())).hasMessageContaining("label");
    }
}
