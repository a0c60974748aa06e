package io.storyteller.command.housemodel.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training, ONNX export and inference agree: ONNX Runtime reproduces Tribuo, and the model learned something. */
class ClassifierRoundTripTest {

    private static final List<String> NONE = List.of();
    private static TrainedClassifier trained;

    @BeforeAll
    static void train() {
        List<LabelledText> examples = new ArrayList<>();
        String[] fights = {"I draw my sword and strike the bandit", "the orc swings his axe at my shield",
                "I stab the guard and he falls bleeding", "she punches the thug in the jaw"};
        String[] calm = {"I order a cup of tea at the inn", "we walk along the quiet river at dawn",
                "the librarian hands me a dusty map", "I sit by the fire and read the letter"};
        for (String fight : fights) {
            examples.add(new LabelledText(fight, List.of("source=player"), Set.of("violence>=1")));
        }
        for (String quiet : calm) {
            examples.add(new LabelledText(quiet, List.of("source=player"), Set.of()));
        }
        examples.add(new LabelledText("the wizard attacks the dragon with a blade of fire", NONE,
                Set.of("violence>=1", "violence>=2")));
        trained = new ClassifierTrainer().train(examples, TrainingOptions.defaults());
    }

    @Test
    void onnxRuntimeReproducesTribuo() {
        try (ClassifierRuntime runtime = ClassifierRuntime.of(trained, "test")) {
            for (String text : List.of("I strike the orc with my sword", "a cup of tea by the river",
                    "The dragon falls, bleeding fire.")) {
                double[] expected = trained.tribuoScores(text, List.of("source=player"));
                float[] actual = runtime.scores(text, List.of("source=player"));
                assertThat(actual).hasSize(expected.length);
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[i]).as("%s: %s", text, trained.layout().labels().get(i))
                            .isCloseTo(expected[i], within(1e-6));
                }
            }
        }
    }

    @Test
    void theModelSeparatesWhatItWasTaughtToSeparate() {
        try (ClassifierRuntime runtime = ClassifierRuntime.of(trained, "test")) {
            float fight = runtime.score(runtime.scores("I stab the bandit with my sword", List.of("source=player")), "violence>=1");
            float calm = runtime.score(runtime.scores("I read the map by the fire", List.of("source=player")), "violence>=1");
            assertThat(fight).isGreaterThan(0.5f).isGreaterThan(calm + 0.3f);
            assertThat(calm).isLessThan(0.5f);
            assertThat(runtime.score(new float[] {0.9f, 0.9f}, "never-seen")).isZero();
        }
    }

    @Test
    void aBatchScoresEachTextAsAloneAndUnknownWordsFallBackToTheBias() {
        try (ClassifierRuntime runtime = ClassifierRuntime.of(trained, "test")) {
            float[][] batch = runtime.scores(List.of(new ClassifierInput("I strike the orc", NONE),
                    new ClassifierInput("zzzq", NONE)));
            assertThat(batch[0]).containsExactly(runtime.scores("I strike the orc", NONE));
            for (float score : batch[1]) {
                assertThat(score).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void theLayoutNamesEveryColumnAndLabel() {
        ClassifierLayout layout = trained.layout();
        assertThat(layout.labels()).containsExactlyInAnyOrder("violence>=1", "violence>=2");
        assertThat(layout.columns()).isNotEmpty().doesNotHaveDuplicates();
        for (int bucket : layout.columns()) {
            assertThat(bucket).isBetween(0, layout.features().buckets() - 1);
        }
    }
}
