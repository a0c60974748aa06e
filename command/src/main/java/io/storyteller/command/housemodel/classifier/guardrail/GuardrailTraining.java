package io.storyteller.command.housemodel.classifier.guardrail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.storyteller.command.housemodel.classifier.ClassifierInput;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.ClassifierTrainer;
import io.storyteller.command.housemodel.classifier.FeatureSettings;
import io.storyteller.command.housemodel.classifier.Folds;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainedClassifier;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains guardrail models from labelled cases and admin flags, calibrates their per-label thresholds
 * on cross-validation folds of the same examples, and cross-validates them.
 */
public final class GuardrailTraining {

    /**
     * How much a benign text weighs against a harmful one. Most of what players and narrators write is
     * benign, but the labelled sets hold about as many harmful texts as benign ones; unweighted, a text
     * of unfamiliar words scores near that even prior and is refused at EVERYONE.
     */
    public static final float BENIGN_WEIGHT = 3f;

    /**
     * The guardrail's own featurisation, chosen by cross-validation: word uni- and bigrams plus
     * character 5-grams; shorter character n-grams and the detector's style features made ordinary
     * narration look like whatever harmful text shared its letters or its length.
     */
    public static final FeatureSettings FEATURES = new FeatureSettings(1 << 17, 5, 5, false);

    /** Folds the per-label thresholds are calibrated on. */
    static final int CALIBRATION_FOLDS = 5;

    private static final Cache<Inputs, TrainedClassifier> TRAINED = Caffeine.newBuilder().maximumSize(4).build();

    private final ClassifierTrainer trainer = new ClassifierTrainer();
    private final TrainingOptions options;
    private final float benignWeight;

    /** Trains with the options' epochs, rate and seed, on {@link #FEATURES}. */
    public GuardrailTraining(TrainingOptions options) {
        this(options.withFeatures(FEATURES), BENIGN_WEIGHT);
    }

    /** Exactly the given options and benign weight: for experiments. */
    public GuardrailTraining(TrainingOptions options, float benignWeight) {
        this.options = options;
        this.benignWeight = benignWeight;
    }

    /**
     * A model on every case and flag, its thresholds calibrated on cross-validation folds of them.
     * Training is deterministic (seeded), so the same cases, flags and options give the same model: it
     * is kept for the few inputs trained last, which spares a second application in one JVM (and every
     * test context) the six trainings calibration takes.
     */
    public TrainedClassifier train(List<GuardrailCase> cases, List<LabelledText> flags) {
        return TRAINED.get(new Inputs(List.copyOf(cases), List.copyOf(flags), options, benignWeight),
                inputs -> trainAnew(inputs.cases(), inputs.flags()));
    }

    private TrainedClassifier trainAnew(List<GuardrailCase> cases, List<LabelledText> flags) {
        List<LabelledText> examples = new ArrayList<>();
        cases.forEach(c -> examples.add(c.example()));
        examples.addAll(flags);
        TrainedClassifier model = fit(examples);
        if (examples.size() < CALIBRATION_FOLDS * 10) {
            return model;
        }
        List<Map<String, Float>> heldOut = Folds.crossValidate(examples, CALIBRATION_FOLDS, options.seed(),
                (training, scored) -> {
                    try (ClassifierRuntime runtime = ClassifierRuntime.of(fit(training), "calibration")) {
                        return rawScores(runtime, scored);
                    }
                });
        List<Set<String>> labels = examples.stream().map(LabelledText::labels).toList();
        return model.calibrated(GuardrailCalibration.thresholds(labels, heldOut));
    }

    /** Each case's verdict from a model that never saw it (k folds; calibration runs inside each fold). */
    public List<GuardrailVerdict> crossValidate(List<GuardrailCase> cases, int folds, double threshold) {
        return Folds.crossValidate(cases, folds, options.seed(), (training, heldOut) -> {
            try (ClassifierRuntime runtime = ClassifierRuntime.of(train(training, List.of()), "cross-validation")) {
                return new HouseGuardrail(runtime, threshold).classify(heldOut.stream()
                        .map(c -> new GuardrailText(c.text(), c.source())).toList());
            }
        });
    }

    private TrainedClassifier fit(List<LabelledText> examples) {
        return trainer.train(examples.stream().map(this::weighed).toList(), options);
    }

    private LabelledText weighed(LabelledText example) {
        return example.labels().isEmpty() ? example.withWeight(example.weight() * benignWeight) : example;
    }

    private static List<Map<String, Float>> rawScores(ClassifierRuntime runtime, List<LabelledText> texts) {
        float[][] rows = runtime.scores(texts.stream().map(t -> new ClassifierInput(t.text(), t.tags())).toList());
        List<Map<String, Float>> scores = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            Map<String, Float> byLabel = new HashMap<>();
            GuardrailLabels.all().forEach(label -> byLabel.put(label, runtime.score(row, label)));
            scores.add(byLabel);
        }
        return scores;
    }

    private record Inputs(List<GuardrailCase> cases, List<LabelledText> flags, TrainingOptions options, float benignWeight) {
    }
}
