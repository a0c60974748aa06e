package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import java.util.List;
import java.util.Optional;

/**
 * The suite each use case is validated with when nobody defined one: it works with no setup.
 * Narrators replay the most recent recorded turns; the house classifiers and reviewers are
 * measured on the labelled sets shipped with the application: a reviewer, chat or house, on rated
 * narrations ({@code reviewer-default}); a chat reviewer's eye for contradictions can be measured on
 * the continuity set too ({@value #REVIEWER_CONTINUITY}, built in, never chosen by itself). A suite
 * defined under the same name replaces its built-in one.
 */
public final class DefaultSuites {

    /** Turns replayed by the default narrator suite. */
    public static final int RECENT_TURNS = 20;
    public static final String DETECTOR_SET = "eval/detector.jsonl";
    public static final String GUARDRAIL_SET = "eval/guardrail-holdout.jsonl";
    public static final String CONTINUITY_SET = "eval/continuity.jsonl";
    public static final String REVIEWER_SET = "eval/reviewer.jsonl";
    public static final String REVIEWER_CONTINUITY = "reviewer-continuity";
    static final double TIE_MARGIN = 0.02;
    /** Replayed latency varies by tens of milliseconds between two runs of one model on a busy machine. */
    static final double LATENCY_MARGIN_MILLIS = 500;
    /** Sampled narration: one narrator replayed twice on 40 turns differed by 0.02 in mean detector score. */
    static final double DETECTOR_MARGIN = 0.05;

    private DefaultSuites() {
    }

    /** {@code narrator-default}, {@code detector-default}… */
    public static String nameOf(UseCase useCase) {
        return useCase.key() + "-default";
    }

    /** The default suite of the use case; empty for the embedder, which nothing validates yet. */
    public static Optional<EvaluationSuiteView> of(UseCase useCase) {
        return switch (useCase) {
            case NARRATOR -> Optional.of(suite(useCase, SuiteDataset.recentTurns(RECENT_TURNS), List.of(
                    SuiteMetric.atLeast("review.score", 0.5),
                    SuiteMetric.atLeast("guardrail.passRate", 0.9),
                    SuiteMetric.atMost("detector.score", null).withMargin(DETECTOR_MARGIN),
                    SuiteMetric.atMost("continuity.contradictions", 1.0),
                    SuiteMetric.atMost("latency.p95Millis", 60_000.0).withMargin(LATENCY_MARGIN_MILLIS),
                    SuiteMetric.atMost("cost.perBeat", null).withMargin(0.0001))));
            case DETECTOR -> Optional.of(suite(useCase, SuiteDataset.classpath(DETECTOR_SET, SuiteDataset.MAX_LIMIT), List.of(
                    SuiteMetric.atLeast("detector.auroc", 0.8),
                    SuiteMetric.atMost("detector.falsePositiveRate", 0.2))));
            case GUARDRAIL -> Optional.of(suite(useCase, SuiteDataset.classpath(GUARDRAIL_SET, SuiteDataset.MAX_LIMIT), List.of(
                    SuiteMetric.atLeast("guardrail.accuracy.EVERYONE", 0.8),
                    SuiteMetric.atLeast("guardrail.accuracy.TEEN", 0.8),
                    SuiteMetric.atLeast("guardrail.accuracy.MATURE", 0.8),
                    SuiteMetric.atLeast("guardrail.accuracy.ADULT", 0.8),
                    SuiteMetric.atMost("guardrail.neverAllowedPasses", 0.0).withMargin(0))));
            case REVIEWER -> Optional.of(suite(useCase, SuiteDataset.classpath(REVIEWER_SET, SuiteDataset.MAX_LIMIT), List.of(
                    SuiteMetric.atLeast("review.auroc", 0.7),
                    SuiteMetric.atLeast("review.accuracy", 0.6),
                    SuiteMetric.atMost("latency.p95Millis", 60_000.0).withMargin(LATENCY_MARGIN_MILLIS))));
            case EMBEDDER -> Optional.empty();
        };
    }

    /** Every built-in suite: each use case's default in use-case order, then the reviewer's continuity suite. */
    public static List<EvaluationSuiteView> all() {
        List<EvaluationSuiteView> all = new java.util.ArrayList<>(
                java.util.Arrays.stream(UseCase.values()).map(DefaultSuites::of).flatMap(Optional::stream).toList());
        all.add(new EvaluationSuiteView(REVIEWER_CONTINUITY, UseCase.REVIEWER,
                SuiteDataset.classpath(CONTINUITY_SET, SuiteDataset.MAX_LIMIT), List.of(
                        SuiteMetric.atLeast("continuity.precision", null),
                        SuiteMetric.atLeast("continuity.recall", null),
                        SuiteMetric.atLeast("continuity.accuracy", 0.5),
                        SuiteMetric.atMost("latency.p95Millis", 60_000.0).withMargin(LATENCY_MARGIN_MILLIS)),
                TIE_MARGIN, true));
        return List.copyOf(all);
    }

    private static EvaluationSuiteView suite(UseCase useCase, SuiteDataset dataset, List<SuiteMetric> metrics) {
        return new EvaluationSuiteView(nameOf(useCase), useCase, dataset, metrics, TIE_MARGIN, true);
    }
}
