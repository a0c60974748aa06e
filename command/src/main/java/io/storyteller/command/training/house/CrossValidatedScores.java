package io.storyteller.command.training.house;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerTraining;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorScore;
import io.storyteller.command.housemodel.classifier.detector.DetectorTraining;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailTraining;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.domain.world.ContentRating;
import java.util.List;
import java.util.Map;

/**
 * The figures a classifier's own training can give about it: each case scored by a model trained on
 * the other folds, with the same options. Detector: AUROC and the false-positive rate at 0.5.
 * Reviewer: AUROC of P(good) and the accuracy at 0.5.
 * Guardrail: the share of (case, rating) decisions that match the labels, and of never-allowed cases
 * that were allowed at some rating.
 */
final class CrossValidatedScores {

    private CrossValidatedScores() {
    }

    static Map<String, Double> detector(TrainingOptions options, List<DetectorCase> cases, int folds) {
        DetectorScore score = DetectorScore.of(cases, new DetectorTraining(options).crossValidate(cases, folds), 0.5);
        return Map.of("crossValidatedAuroc", score.auroc(), "crossValidatedFalsePositiveRate", score.falsePositiveRate());
    }

    /**
     * Reviewer: AUROC of P(good) (good narrations are the positives) and the accuracy at 0.5. The
     * detector's score does the counting, with "good" in the place of "generated".
     */
    static Map<String, Double> reviewer(TrainingOptions options, List<LabelledText> examples, int folds) {
        double[] scores = new ReviewerTraining(options).crossValidate(examples, folds);
        List<DetectorCase> cases = new java.util.ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            cases.add(new DetectorCase(String.valueOf(i), examples.get(i).text(), ReviewerTraining.isGood(examples.get(i))));
        }
        DetectorScore score = DetectorScore.of(cases, scores, 0.5);
        double accuracy = (score.truePositiveRate() * score.generated() + (1 - score.falsePositiveRate()) * score.human())
                / cases.size();
        return Map.of("crossValidatedAuroc", score.auroc(), "crossValidatedAccuracy", accuracy);
    }

    static Map<String, Double> guardrail(TrainingOptions options, List<GuardrailCase> cases, int folds, double threshold) {
        List<GuardrailVerdict> verdicts = new GuardrailTraining(options).crossValidate(cases, folds, threshold);
        int decisions = 0;
        int right = 0;
        int neverAllowed = 0;
        int passed = 0;
        for (int i = 0; i < cases.size(); i++) {
            GuardrailCase labelled = cases.get(i);
            boolean never = !labelled.allowed().containsValue(true);
            boolean anyAllowed = false;
            for (ContentRating rating : GuardrailSet.RATING_CODES.keySet()) {
                boolean allowed = verdicts.get(i).allowed(rating);
                anyAllowed |= allowed;
                decisions++;
                right += allowed == labelled.allowed().get(rating) ? 1 : 0;
            }
            neverAllowed += never ? 1 : 0;
            passed += never && anyAllowed ? 1 : 0;
        }
        return Map.of("crossValidatedAccuracy", right / (double) decisions,
                "crossValidatedNeverAllowedPassRate", neverAllowed == 0 ? 0.0 : passed / (double) neverAllowed);
    }
}
