package io.storyteller.command.housemodel.classifier;

import java.util.List;
import java.util.Map;

/**
 * What must ship beside a classifier's {@code model.onnx} to use it: how texts are featurised,
 * which hash bucket each input column holds ({@code columns[c]} is the bucket of column c, c being
 * Tribuo's feature id), which label each output holds, in output order, and the score from which
 * each label counts as calibrated on held-out folds ({@code thresholds}; empty for versions stored
 * before calibration and for classifiers that take one threshold for all labels).
 */
public record ClassifierLayout(FeatureSettings features, List<String> labels, int[] columns,
        Map<String, Double> thresholds) {

    public ClassifierLayout {
        labels = List.copyOf(labels);
        columns = columns.clone();
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    public ClassifierLayout(FeatureSettings features, List<String> labels, int[] columns) {
        this(features, labels, columns, Map.of());
    }

    public ClassifierLayout withThresholds(Map<String, Double> calibrated) {
        return new ClassifierLayout(features, labels, columns, calibrated);
    }

    /** Bucket → input column, -1 for buckets the model never saw. */
    int[] columnOfBucket() {
        int[] lookup = new int[features.buckets()];
        java.util.Arrays.fill(lookup, -1);
        for (int column = 0; column < columns.length; column++) {
            lookup[columns[column]] = column;
        }
        return lookup;
    }

    /** How many input columns the model takes, without copying them. */
    public int width() {
        return columns.length;
    }

    public int labelIndex(String label) {
        return labels.indexOf(label);
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassifierLayout that && features.equals(that.features) && labels.equals(that.labels)
                && java.util.Arrays.equals(columns, that.columns) && thresholds.equals(that.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.hashCode(columns);
    }
}
