package io.storyteller.command.validation;

import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorScore;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailScore;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailText;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.domain.world.ContentRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs classifiers (house versions or downloaded ones, {@link SuiteClassifiers}) on a suite's
 * labelled items, candidate beside incumbent. Detector: AUROC
 * and the false-positive rate at {@value #DETECTOR_THRESHOLD}; an item scores how close the score is
 * to its label (1 − |label − score|). Guardrail: accuracy per rating and the texts no rating allows
 * that it let through at some rating; an item scores the share of ratings decided as labelled.
 */
final class ClassifierSuite {

    /** The line the pipeline reads a detector score at: above it, machine-written. */
    static final double DETECTOR_THRESHOLD = 0.5;

    private ClassifierSuite() {
    }

    /** Scores texts as a detector does: how machine-written each reads, 0..1. */
    @FunctionalInterface
    interface DetectorScores {
        double[] scores(List<String> texts);
    }

    /** Decides texts as a guardrail does: a verdict per text, read at every rating. */
    @FunctionalInterface
    interface GuardrailVerdicts {
        List<GuardrailVerdict> classify(List<GuardrailText> texts);
    }

    static SuiteRun detector(List<DetectorCase> cases, DetectorScores candidate, DetectorScores incumbent) {
        List<String> texts = cases.stream().map(DetectorCase::text).toList();
        double[] ours = candidate.scores(texts);
        double[] theirs = incumbent == null ? null : incumbent.scores(texts);
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            double label = cases.get(i).generated() ? 1 : 0;
            items.add(new ItemResult(cases.get(i).text(), score(ours[i]), theirs == null ? null : score(theirs[i]),
                    1 - Math.abs(label - ours[i]), theirs == null ? null : 1 - Math.abs(label - theirs[i])));
        }
        return new SuiteRun(detectorMetrics(cases, ours), theirs == null ? null : detectorMetrics(cases, theirs), items);
    }

    static SuiteRun guardrail(List<GuardrailCase> cases, GuardrailVerdicts candidate, GuardrailVerdicts incumbent) {
        List<GuardrailText> texts = cases.stream().map(c -> new GuardrailText(c.text(), c.source())).toList();
        List<GuardrailVerdict> ours = candidate.classify(texts);
        List<GuardrailVerdict> theirs = incumbent == null ? null : incumbent.classify(texts);
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            GuardrailCase item = cases.get(i);
            items.add(new ItemResult(item.text(), allowedAt(ours.get(i)), theirs == null ? null : allowedAt(theirs.get(i)),
                    agreement(item, ours.get(i)), theirs == null ? null : agreement(item, theirs.get(i))));
        }
        return new SuiteRun(guardrailMetrics(cases, ours), theirs == null ? null : guardrailMetrics(cases, theirs), items);
    }

    private static Map<String, Double> detectorMetrics(List<DetectorCase> cases, double[] scores) {
        DetectorScore measured = DetectorScore.of(cases, scores, DETECTOR_THRESHOLD);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("detector.auroc", measured.auroc());
        metrics.put("detector.falsePositiveRate", measured.falsePositiveRate());
        metrics.put("detector.truePositiveRate", measured.truePositiveRate());
        return metrics;
    }

    private static Map<String, Double> guardrailMetrics(List<GuardrailCase> cases, List<GuardrailVerdict> verdicts) {
        GuardrailScore measured = GuardrailScore.of(cases, verdicts);
        Map<String, Double> metrics = new LinkedHashMap<>();
        measured.accuracy().forEach((rating, accuracy) -> metrics.put("guardrail.accuracy." + rating.name(), accuracy));
        int neverAllowedPasses = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (!cases.get(i).allowed().containsValue(true) && allowedSomewhere(verdicts.get(i))) {
                neverAllowedPasses++;
            }
        }
        metrics.put("guardrail.neverAllowedPasses", (double) neverAllowedPasses);
        metrics.put("guardrail.passedWhereNotAllowed", (double) measured.passedWhereNotAllowedTotal());
        return metrics;
    }

    private static double agreement(GuardrailCase item, GuardrailVerdict verdict) {
        int right = 0;
        for (ContentRating rating : ContentRating.values()) {
            right += item.allowed().get(rating) == verdict.allowed(rating) ? 1 : 0;
        }
        return right / (double) ContentRating.values().length;
    }

    private static boolean allowedSomewhere(GuardrailVerdict verdict) {
        for (ContentRating rating : ContentRating.values()) {
            if (verdict.allowed(rating)) {
                return true;
            }
        }
        return false;
    }

    /** The ratings that allow the text, e.g. {@code "allowed at MATURE, ADULT"}. */
    private static String allowedAt(GuardrailVerdict verdict) {
        List<String> ratings = new ArrayList<>();
        for (ContentRating rating : ContentRating.values()) {
            if (verdict.allowed(rating)) {
                ratings.add(rating.name());
            }
        }
        return ratings.isEmpty() ? "allowed nowhere" : "allowed at " + String.join(", ", ratings);
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%s %.3f", score > DETECTOR_THRESHOLD ? "generated" : "human", score);
    }
}
