package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.text.Vocabulary;

/**
 * Interpolated absolute discounting of a V×V count table: each seen pair gives up D of its count,
 * and the freed mass goes to a base distribution. With the Kneser-Ney continuation distribution
 * as base this is interpolated Kneser-Ney. Rows are histories, columns next tokens.
 */
final class AbsoluteDiscounting {

    /** Stands for log 0: finite so that {@code beta * LOG_ZERO} never turns into NaN in the graph. */
    static final float LOG_ZERO = -1.0e9f;

    private AbsoluteDiscounting() {
    }

    /**
     * @param counts row-major V×V pair counts
     * @param base   a probability distribution over the V next tokens
     * @return row-major V×V natural-log conditional probabilities; an unseen history gets the base
     */
    static float[] logProbabilities(double[] counts, int size, double discount, double[] base) {
        float[] logs = new float[size * size];
        for (int history = 0; history < size; history++) {
            int row = history * size;
            double total = 0;
            int distinct = 0;
            for (int next = 0; next < size; next++) {
                double count = counts[row + next];
                total += count;
                if (count > 0) {
                    distinct++;
                }
            }
            double backoff = total > 0 ? discount * distinct / total : 1.0;
            for (int next = 0; next < size; next++) {
                double seen = total > 0 ? Math.max(counts[row + next] - discount, 0) / total : 0;
                double probability = seen + backoff * base[next];
                logs[row + next] = probability > 0 ? (float) Math.log(probability) : LOG_ZERO;
            }
        }
        return logs;
    }

    /**
     * Add-k smoothing of per-token counts into a distribution that never predicts {@code <s>}
     * (a beat start is never a next token).
     */
    static double[] smoothedBase(double[] tokenCounts, double pseudoCount) {
        double[] base = new double[tokenCounts.length];
        double total = 0;
        for (int token = 0; token < base.length; token++) {
            if (token != Vocabulary.BEAT_START_ID) {
                base[token] = tokenCounts[token] + pseudoCount;
                total += base[token];
            }
        }
        for (int token = 0; token < base.length; token++) {
            base[token] /= total;
        }
        return base;
    }
}
