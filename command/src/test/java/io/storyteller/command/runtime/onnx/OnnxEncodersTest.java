package io.storyteller.command.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEncodersTest {

    @TempDir
    Path directory;

    @Test
    void theClassifierScoresMatchAHandComputation() {
        try (OnnxClassifier classifier = OnnxClassifier.load(OnnxModelDirectory.read(TinyModels.classifier(directory)))) {
            Map<String, Double> scores = classifier.classify("the cat sat");

            // mean of the rows of the, cat, sat (ids 2, 3, 4), times the weights, softmax
            float[] mean = new float[2];
            for (int id : new int[] {2, 3, 4}) {
                mean[0] += TinyModels.CLASSIFIER_EMBEDDING[id][0] / 3f;
                mean[1] += TinyModels.CLASSIFIER_EMBEDDING[id][1] / 3f;
            }
            float[] logits = new float[3];
            for (int label = 0; label < 3; label++) {
                logits[label] = mean[0] * TinyModels.CLASSIFIER_WEIGHTS[0][label] + mean[1] * TinyModels.CLASSIFIER_WEIGHTS[1][label];
            }
            double[] expected = OnnxClassifier.softmax(logits);
            assertThat(scores.keySet()).containsExactlyElementsOf(TinyModels.LABELS);
            assertThat(scores.get("calm")).isCloseTo(expected[0], within(1e-6));
            assertThat(scores.get("tense")).isCloseTo(expected[1], within(1e-6));
            assertThat(scores.get("strange")).isCloseTo(expected[2], within(1e-6));
            // worked by hand: mean (0, 0.75) → logits (-0.375, 1.5, 0) → tense ≈ 0.73
            assertThat(scores.get("tense")).isCloseTo(0.7265, within(1e-3));
        }
    }

    @Test
    void theEmbedderReturnsUnitVectorsOfTheMeanTokenVector() {
        try (OnnxEmbedder embedder = OnnxEmbedder.load(OnnxModelDirectory.read(TinyModels.embedder(directory)))) {
            List<float[]> vectors = embedder.embed(List.of("the cat sat", "mat", "on a mat ."));

            for (float[] vector : vectors) {
                assertThat(Math.sqrt(vector[0] * vector[0] + vector[1] * vector[1])).isCloseTo(1.0, within(1e-6));
            }
            // the, cat, sat: mean (0, 0.75) → (0, 1); mat (id 7): (0, 1.75) → (0, 1); on a mat . (5..8): (0.25, 1.625)
            assertThat(vectors.get(0)).containsExactly(new float[] {0f, 1f}, within(1e-6f));
            double norm = Math.hypot(0.25, 1.625);
            assertThat(vectors.get(2)).containsExactly(new float[] {(float) (0.25 / norm), (float) (1.625 / norm)}, within(1e-6f));
        }
    }

    @Test
    void theClsPoolingOfTheSentenceTransformersConfigTakesTheFirstToken() throws Exception {
        TinyModels.embedder(directory);
        Files.createDirectories(directory.resolve("1_Pooling"));
        Files.writeString(directory.resolve("1_Pooling/config.json"), "{\"pooling_mode_cls_token\":true}");
        try (OnnxEmbedder embedder = OnnxEmbedder.load(OnnxModelDirectory.read(directory))) {
            // "a" is id 6: (-1, 1.5)
            double norm = Math.hypot(1, 1.5);
            assertThat(embedder.embed("a cat")).containsExactly(new float[] {(float) (-1 / norm), (float) (1.5 / norm)}, within(1e-6f));
        }
    }
}
