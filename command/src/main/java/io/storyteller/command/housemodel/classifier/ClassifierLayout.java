package io.storyteller.command.housemodel.classifier;

import java.util.List;

/**
 * What must ship beside a classifier's {@code model.onnx} to use it: how texts are featurised,
 * which hash bucket each input column holds ({@code columns[c]} is the bucket of column c, c being
 * Tribuo's feature id), and which label each output holds, in output order.
 */
public record ClassifierLayout(FeatureSettings features, List<String> labels, int[] columns) {

    public ClassifierLayout {
        labels = List.copyOf(labels);
        columns = columns.clone();
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
                && java.util.Arrays.equals(columns, that.columns);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.hashCode(columns);
    }
}
