package io.storyteller.command.housemodel.classifier.reviewer;

import io.storyteller.command.housemodel.classifier.ClassifierInput;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import java.util.List;

/**
 * The house reviewer: a house classifier with the one label {@value #GOOD}. Its score in [0, 1] is
 * how likely players are to keep and rate the narration well, on the scale a chat reviewer's 1–5
 * rating is mapped onto, so the two rank candidates alike.
 */
public final class HouseReviewer {

    /** Its store key: {@code house-classifier:reviewer}. */
    public static final String KEY = "reviewer";
    public static final String GOOD = "good";

    private final ClassifierRuntime runtime;

    public HouseReviewer(ClassifierRuntime runtime) {
        this.runtime = runtime;
    }

    public String model() {
        return runtime.modelName();
    }

    public double score(String narration) {
        return scores(List.of(narration))[0];
    }

    /** One P(good) per narration, in order, from one ONNX Runtime call. */
    public double[] scores(List<String> narrations) {
        float[][] rows = runtime.scores(narrations.stream().map(text -> new ClassifierInput(text, List.of())).toList());
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = runtime.score(rows[i], GOOD);
        }
        return scores;
    }
}
