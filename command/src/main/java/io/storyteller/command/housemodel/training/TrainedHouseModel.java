package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.text.Vocabulary;

/**
 * A trained house model: next-token logits are
 * {@code log Pbigram(v | prev1) + beta * log(Pskip(v | prev2) / Punigram(v))}, turned into
 * probabilities by a softmax at a temperature. Matrices are row-major V×V, row = history token
 * id. Immutable.
 */
public final class TrainedHouseModel {

    private final Vocabulary vocabulary;
    private final float[] bigramLogProbabilities;
    private final float[] skipLogRatios;
    private final TrainingSettings settings;
    private final CorpusStatistics statistics;

    TrainedHouseModel(Vocabulary vocabulary, float[] bigramLogProbabilities, float[] skipLogRatios,
                      TrainingSettings settings, CorpusStatistics statistics) {
        int cells = vocabulary.size() * vocabulary.size();
        if (bigramLogProbabilities.length != cells || skipLogRatios.length != cells) {
            throw new IllegalArgumentException("matrices must be V×V");
        }
        this.vocabulary = vocabulary;
        this.bigramLogProbabilities = bigramLogProbabilities;
        this.skipLogRatios = skipLogRatios;
        this.settings = settings;
        this.statistics = statistics;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public CorpusStatistics statistics() {
        return statistics;
    }

    /** beta, as a float because that is what the exported graph multiplies by. */
    public float skipWeight() {
        return (float) settings.skipWeight();
    }

    /** Shared, not copied: callers in this package must not write to it. */
    float[] bigramLogProbabilities() {
        return bigramLogProbabilities;
    }

    /** log(Pskip(v | w2) / Punigram(v)): how much the word two back raises or lowers each next word. */
    float[] skipLogRatios() {
        return skipLogRatios;
    }

    /**
     * The next-token distribution computed in Java, with the same float arithmetic as the ONNX
     * graph; the reference the exported model is checked against.
     */
    public double[] nextTokenProbabilities(int prev1, int prev2, float temperature) {
        int size = vocabulary.size();
        float[] logits = new float[size];
        float max = Float.NEGATIVE_INFINITY;
        for (int next = 0; next < size; next++) {
            float combined = bigramLogProbabilities[prev1 * size + next]
                    + skipWeight() * skipLogRatios[prev2 * size + next];
            logits[next] = combined / temperature;
            max = Math.max(max, logits[next]);
        }
        double[] probabilities = new double[size];
        double sum = 0;
        for (int next = 0; next < size; next++) {
            probabilities[next] = Math.exp(logits[next] - max);
            sum += probabilities[next];
        }
        for (int next = 0; next < size; next++) {
            probabilities[next] /= sum;
        }
        return probabilities;
    }
}
