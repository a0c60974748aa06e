package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.command.housemodel.classifier.ClassifierInput;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.domain.world.ContentRating;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The house guardrail: a house classifier read as harm categories with severities. The runtime is
 * owned by whoever loaded it ({@code HouseClassifiers}); this is a thin, thread-safe view of it.
 */
public final class HouseGuardrail {

    /**
     * Each cumulative severity label counts from this score on. Cross-validation on guardrail.jsonl
     * alone favours 0.3 (fewer not-allowed texts passed), but that set's benign texts are mostly
     * traps: at 0.3 the model refused 11 of 24 ordinary player actions ("I climb the lighthouse
     * stairs.") at EVERYONE, which no game can ship. At 0.7 it refused 2 of 30 ordinary actions and
     * narrations and still 5 of 6 unseen violent texts; see docs/eval/README.md for both figures.
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
        List<GuardrailVerdict> verdicts = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            Map<String, Float> scores = new HashMap<>();
            for (String label : GuardrailLabels.all()) {
                int index = labels.indexOf(label);
                scores.put(label, index < 0 ? 0f : row[index]);
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
