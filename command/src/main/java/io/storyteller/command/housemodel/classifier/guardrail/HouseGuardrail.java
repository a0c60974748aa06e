package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.command.housemodel.classifier.ClassifierInput;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.domain.world.ContentRating;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The house guardrail: a house classifier read as harm categories with severities. Scores are
 * calibrated by the thresholds the model ships with ({@link GuardrailCalibration}) before they are
 * read, so verdicts carry calibrated scores. The runtime is
 * owned by whoever loaded it ({@code HouseClassifiers}); this is a thin, thread-safe view of it.
 */
public final class HouseGuardrail {

    /**
     * Each cumulative severity label counts from this (calibrated) score on; 0.5 is each label's
     * threshold as calibrated on cross-validation folds, higher passes more. Chosen from the measured
     * trade-off (docs/eval/README.md, "Guardrail"): at 0.7 the held-out ordinary texts and the LLM-style
     * narrations of detector.jsonl are refused at EVERYONE about 1 time in 100; at 0.5 or 0.6 several
     * times more often, for fewer harmful texts passed.
     */
    public static final double DEFAULT_THRESHOLD = 0.7;

    private final ClassifierRuntime runtime;
    private final double threshold;

    public HouseGuardrail(ClassifierRuntime runtime, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the guardrail threshold must lie in (0, 1)");
        }
        this.runtime = runtime;
        this.threshold = threshold;
    }

    public String model() {
        return runtime.modelName();
    }

    public GuardrailVerdict classify(String text, TextSource source) {
        return classify(List.of(new GuardrailText(text, source))).getFirst();
    }

    /** One verdict per text, in order, from one ONNX Runtime call. */
    public List<GuardrailVerdict> classify(List<GuardrailText> texts) {
        List<ClassifierInput> inputs = texts.stream()
                .map(text -> new ClassifierInput(text.text(), text.source().tags())).toList();
        float[][] rows = runtime.scores(inputs);
        List<String> labels = runtime.layout().labels();
        Map<String, Double> calibrated = runtime.layout().thresholds();
        List<GuardrailVerdict> verdicts = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            Map<String, Float> scores = new HashMap<>();
            for (String label : GuardrailLabels.all()) {
                int index = labels.indexOf(label);
                scores.put(label, index < 0 ? 0f : GuardrailCalibration.calibrated(row[index], calibrated.get(label)));
            }
            verdicts.add(new GuardrailVerdict(GuardrailLabels.decode(scores, threshold), scores, runtime.modelName()));
        }
        return verdicts;
    }

    /** Classifies and decides at once: what the coordinator asks per candidate and per player input. */
    public GuardrailDecision decide(String text, TextSource source, ContentRating rating) {
        return classify(text, source).decision(rating);
    }
}
