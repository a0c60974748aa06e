package io.storyteller.command.housemodel.classifier.detector;

import java.util.List;

/**
 * How well detector scores separate generated from human text: AUROC (the chance that a random
 * generated text scores above a random human one, ties counting half) and, at a threshold, the
 * false-positive rate (human texts flagged as generated) and the true-positive rate.
 */
public record DetectorScore(int human, int generated, double auroc, double threshold, double falsePositiveRate,
        double truePositiveRate) {

    public static DetectorScore of(List<DetectorCase> cases, double[] scores, double threshold) {
        if (cases.size() != scores.length) {
            throw new IllegalArgumentException("one score per case");
        }
        int human = 0;
        int generated = 0;
        int falsePositives = 0;
        int truePositives = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (cases.get(i).generated()) {
                generated++;
                truePositives += flagged ? 1 : 0;
            } else {
                human++;
                falsePositives += flagged ? 1 : 0;
            }
        }
        if (human == 0 || generated == 0) {
            throw new IllegalArgumentException("AUROC needs both human and generated texts");
        }
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!cases.get(i).generated()) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (!cases.get(j).generated()) {
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return new DetectorScore(human, generated, wins / ((double) human * generated), threshold,
                falsePositives / (double) human, truePositives / (double) generated);
    }
}
