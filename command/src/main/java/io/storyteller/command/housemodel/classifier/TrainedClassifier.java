package io.storyteller.command.housemodel.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;

/**
 * A trained house classifier: the Tribuo model and the layout its ONNX export needs. Scoring in
 * production goes through {@link ClassifierRuntime}; {@link #tribuoScores} is the reference the
 * export is checked against.
 */
public final class TrainedClassifier {

    private static final String ONNX_DOMAIN = "io.storyteller.house-classifier";

    private final LinearSGDModel model;
    private final TrainingOptions options;
    private final int examples;
    private final ClassifierLayout layout;

    TrainedClassifier(LinearSGDModel model, TrainingOptions options, int examples) {
        this(model, options, examples, new ClassifierLayout(options.features(), labels(model.getOutputIDInfo()),
                columns(model.getFeatureIDMap())));
    }

    private TrainedClassifier(LinearSGDModel model, TrainingOptions options, int examples, ClassifierLayout layout) {
        this.model = model;
        this.options = options;
        this.examples = examples;
        this.layout = layout;
    }

    /** The same model, shipped with per-label thresholds calibrated on held-out folds. */
    public TrainedClassifier calibrated(java.util.Map<String, Double> thresholds) {
        return new TrainedClassifier(model, options, examples, layout.withThresholds(thresholds));
    }

    public ClassifierLayout layout() {
        return layout;
    }

    public TrainingOptions options() {
        return options;
    }

    /** Examples trained on (texts without a single feature are skipped). */
    public int examples() {
        return examples;
    }

    /** The model as ONNX: input {@code float[batch][F]}, output sigmoid scores {@code float[batch][labels]}. */
    public byte[] toOnnx() {
        return model.exportONNXModel(ONNX_DOMAIN, 1).toByteArray();
    }

    /**
     * Tribuo's own scores, in {@link ClassifierLayout#labels()} order; a text without a single known
     * feature cannot be scored by Tribuo and gets NaN.
     */
    public double[] tribuoScores(String text, List<String> tags) {
        Map<Integer, Double> vector = new NgramFeatures(options.features()).features(text, tags);
        ArrayExample<MultiLabel> example = new ArrayExample<>(MultiLabelFactory.UNKNOWN_MULTILABEL);
        vector.forEach((bucket, value) -> example.add(new Feature(NgramFeatures.name(bucket), value)));
        double[] scores = new double[layout.labels().size()];
        try {
            Prediction<MultiLabel> prediction = model.predict(example);
            Map<String, MultiLabel> byLabel = prediction.getOutputScores();
            for (int i = 0; i < scores.length; i++) {
                // Each entry is a one-label MultiLabel whose label carries the sigmoid score.
                MultiLabel scored = byLabel.get(layout.labels().get(i));
                scores[i] = scored == null ? Double.NaN
                        : scored.getLabelScore(new Label(layout.labels().get(i))).orElse(Double.NaN);
            }
        } catch (IllegalArgumentException noKnownFeature) {
            java.util.Arrays.fill(scores, Double.NaN);
        }
        return scores;
    }

    private static List<String> labels(ImmutableOutputInfo<MultiLabel> outputs) {
        List<String> labels = new ArrayList<>();
        for (int id = 0; id < outputs.size(); id++) {
            labels.add(outputs.getOutput(id).getLabelString());
        }
        return labels;
    }

    private static int[] columns(ImmutableFeatureMap features) {
        int[] columns = new int[features.size()];
        features.forEach(info -> columns[features.getID(info.getName())] = Integer.parseInt(info.getName().substring(1)));
        return columns;
    }
}
