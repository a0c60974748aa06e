package io.storyteller.command.housemodel.classifier;

/**
 * How a house classifier is trained: logistic regression (one sigmoid per label) by AdaGrad.
 *
 * @param epochs       passes over the examples
 * @param learningRate AdaGrad's initial rate
 * @param seed         shuffling seed: the same examples and seed give the same model
 */
public record TrainingOptions(FeatureSettings features, int epochs, double learningRate, long seed) {

    public TrainingOptions {
        if (features == null) {
            throw new IllegalArgumentException("features are required");
        }
        if (epochs < 1 || epochs > 1000) {
            throw new IllegalArgumentException("epochs must lie in [1, 1000]");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive");
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(FeatureSettings.defaults(), 15, 0.2, 7L);
    }

    public TrainingOptions withFeatures(FeatureSettings features) {
        return new TrainingOptions(features, epochs, learningRate, seed);
    }
}
