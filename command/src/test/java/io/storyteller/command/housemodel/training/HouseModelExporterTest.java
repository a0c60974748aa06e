package io.storyteller.command.housemodel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.text.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported graph, run by ONNX Runtime, must compute exactly the trained model. */
class HouseModelExporterTest {

    @TempDir
    static Path storeRoot;
    private static HouseModelRuntime runtime;

    @BeforeAll
    static void load() {
        runtime = Fixtures.runtime(storeRoot);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void onnx_runtime_matches_the_java_softmax() throws Exception {
        Vocabulary vocabulary = Fixtures.MODEL.vocabulary();
        int[][] contexts = {
                {Vocabulary.BEAT_START_ID, Vocabulary.BEAT_START_ID},
                {id("the"), id("of")},
                {id("lighthouse"), id("the")},
                {id("."), id("flame")},
                {Vocabulary.BEAT_END_ID, Vocabulary.UNKNOWN_ID},
                {vocabulary.size() - 1, id("Mira")}};
        for (int[] context : contexts) {
            for (float temperature : new float[] {0.3f, 0.8f, 1f, 2.5f}) {
                float[] onnx = runtime.nextTokenProbabilities(context[0], context[1], temperature);
                double[] java = Fixtures.MODEL.nextTokenProbabilities(context[0], context[1], temperature);
                assertThat(onnx).hasSize(vocabulary.size());
                double sum = 0;
                for (int next = 0; next < onnx.length; next++) {
                    assertThat((double) onnx[next]).isCloseTo(java[next], within(1e-5));
                    sum += onnx[next];
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void higher_temperature_gives_higher_entropy() throws Exception {
        double cold = entropy(runtime.nextTokenProbabilities(id("the"), id("."), 0.5f));
        double warm = entropy(runtime.nextTokenProbabilities(id("the"), id("."), 1f));
        double hot = entropy(runtime.nextTokenProbabilities(id("the"), id("."), 2f));
        assertThat(cold).isLessThan(warm);
        assertThat(warm).isLessThan(hot);
    }

    @Test
    void a_full_vocabulary_model_stays_under_ten_megabytes(@TempDir Path directory) throws Exception {
        // 1,500 distinct made-up words so the vocabulary really fills its 1,024 slots.
        SplittableRandom random = new SplittableRandom(7);
        List<String> documents = new ArrayList<>();
        for (int document = 0; document < 200; document++) {
            StringBuilder text = new StringBuilder();
            for (int word = 0; word < 60; word++) {
                text.append("w").append(random.nextInt(1500)).append(word % 12 == 11 ? ". " : " ");
            }
            documents.add(text.toString());
        }
        TrainedHouseModel model = new HouseModelTrainer().train(documents, TrainingSettings.defaults());
        assertThat(model.vocabulary().size()).isEqualTo(1024);

        HouseModelStore store = new HouseModelStore(directory);
        store.save("large", model, new CorpusRange(0, 200));
        assertThat(Files.size(directory.resolve("large/v1/model.onnx"))).isLessThan(10_000_000L);
        try (HouseModelRuntime large = store.load("large", 1)) {
            float[] onnx = large.nextTokenProbabilities(5, 9, 0.8f);
            double[] java = model.nextTokenProbabilities(5, 9, 0.8f);
            for (int next = 0; next < onnx.length; next++) {
                assertThat((double) onnx[next]).isCloseTo(java[next], within(1e-5));
            }
        }
    }

    private static int id(String token) {
        int id = Fixtures.MODEL.vocabulary().tokens().indexOf(token);
        assertThat(id).as(token).isNotNegative();
        return id;
    }

    private static double entropy(float[] probabilities) {
        double entropy = 0;
        for (float p : probabilities) {
            entropy -= p > 0 ? p * Math.log(p) : 0;
        }
        return entropy;
    }
}
