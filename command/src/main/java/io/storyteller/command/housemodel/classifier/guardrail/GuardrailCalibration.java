package io.storyteller.command.housemodel.classifier.guardrail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-label thresholds chosen on held-out scores, and the calibrated score they give. A rare label
 * (a few dozen {@code hate>=2} texts) rarely scores high, while {@code any>=1} sees every harmful text;
 * one threshold for all of them misses the first and over-fires the second. Each label's threshold is
 * the one that maximises F0.5 on cross-validated scores (precision weighs more than recall: a refused
 * ordinary turn is what players see). The calibrated score maps that threshold to 0.5, so the
 * configured threshold then shifts every label alike: 0.5 is the calibrated point, above it passes more.
 */
public final class GuardrailCalibration {

    /** F-beta's beta: below 1 favours precision. */
    static final double BETA = 0.5;
    private static final double LOWEST = 0.05;
    private static final double HIGHEST = 0.95;
    private static final double STEP = 0.025;

    private GuardrailCalibration() {
    }

    /**
     * @param labels each example's true labels
     * @param scores each example's held-out scores by label, in the same order
     */
    public static Map<String, Double> thresholds(List<Set<String>> labels, List<Map<String, Float>> scores) {
        Map<String, Double> thresholds = new HashMap<>();
        double beta2 = BETA * BETA;
        for (String label : GuardrailLabels.all()) {
            double best = -1;
            double chosen = 0.5;
            for (int step = 0; LOWEST + step * STEP <= HIGHEST + 1e-9; step++) {
                double threshold = LOWEST + step * STEP;
                int truePositives = 0;
                int falsePositives = 0;
                int falseNegatives = 0;
                for (int i = 0; i < labels.size(); i++) {
                    boolean positive = labels.get(i).contains(label);
                    boolean predicted = scores.get(i).getOrDefault(label, 0f) >= threshold;
                    truePositives += positive && predicted ? 1 : 0;
                    falsePositives += !positive && predicted ? 1 : 0;
                    falseNegatives += positive && !predicted ? 1 : 0;
                }
                double f = truePositives == 0 ? 0
                        : (1 + beta2) * truePositives / ((1 + beta2) * truePositives + beta2 * falseNegatives + falsePositives);
                if (f > best + 1e-9) {
                    best = f;
                    chosen = threshold;
                }
            }
            if (best > 0) {
                thresholds.put(label, chosen);
            }
        }
        return thresholds;
    }

    /** The score moved so that the label's calibrated threshold reads 0.5 (logit shift); unchanged without one. */
    public static float calibrated(float score, Double threshold) {
        if (threshold == null) {
            return score;
        }
        double shifted = logit(score) - logit(threshold);
        return (float) (1 / (1 + Math.exp(-shifted)));
    }

    private static double logit(double p) {
        double clamped = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(clamped / (1 - clamped));
    }
}
