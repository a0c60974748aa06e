package io.storyteller.command.housemodel.classifier.detector;

import io.storyteller.command.housemodel.classifier.ClassifierInput;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import java.util.List;

/**
 * The house AI-text detector: a house classifier with the one label {@value #GENERATED}. Its score
 * in [0, 1] is how machine-written a text reads; the world's threshold decides what is too much.
 */
public final class HouseDetector {

    public static final String GENERATED = "generated";

    private final ClassifierRuntime runtime;

    public HouseDetector(ClassifierRuntime runtime) {
        this.runtime = runtime;
    }

    public String model() {
        return runtime.modelName();
    }

    public double score(String text) {
        return scores(List.of(text))[0];
    }

    /** One score per text, in order, from one ONNX Runtime call. */
    public double[] scores(List<String> texts) {
        float[][] rows = runtime.scores(texts.stream().map(text -> new ClassifierInput(text, List.of())).toList());
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = runtime.score(rows[i], GENERATED);
        }
        return scores;
    }
}
