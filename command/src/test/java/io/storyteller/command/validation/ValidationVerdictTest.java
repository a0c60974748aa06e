package io.storyteller.command.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.RecordModelValidation;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.SuiteMetric;
import io.storyteller.domain.validation.ValidationGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A candidate passes when it is similar or better on every gate; a failed gate is named with both values. */
class ValidationVerdictTest {

    private static final ModelRef CANDIDATE = new ModelRef("house-narrator", "2");
    private static final ModelRef INCUMBENT = new ModelRef("house-narrator", "1");
    private static final EvaluationSuiteView SUITE = new EvaluationSuiteView("narrator-default", UseCase.NARRATOR,
            SuiteDataset.recentTurns(20), List.of(SuiteMetric.atLeast("review.score", 0.5),
                    SuiteMetric.atMost("latency.p95Millis", 5000.0).withMargin(100)), 0.02, true);

    private static RecordModelValidation verdict(Map<String, Double> candidate, Map<String, Double> incumbent,
            List<ItemResult> items) {
        return ValidationVerdict.of("v-1", CANDIDATE, INCUMBENT, SUITE, new SuiteRun(candidate, incumbent, items));
    }

    private static ItemResult item(String input, double candidate, double incumbent) {
        return new ItemResult(input, "c:" + input, "i:" + input, candidate, incumbent);
    }

    @Test
    void aBetterCandidatePassesAndCountsItsWins() {
        RecordModelValidation result = verdict(Map.of("review.score", 0.8, "latency.p95Millis", 900.0),
                Map.of("review.score", 0.6, "latency.p95Millis", 950.0),
                List.of(item("a", 0.9, 0.5), item("b", 0.7, 0.69), item("c", 0.4, 0.6)));

        assertThat(result.passed()).isTrue();
        assertThat(result.reasons()).isEmpty();
        assertThat(result.wins()).isEqualTo(1);
        assertThat(result.ties()).isEqualTo(1);
        assertThat(result.losses()).isEqualTo(1);
        assertThat(result.gates()).containsExactly(new ValidationGate("review.score", 0.8, 0.6, 0.5, true, true),
                new ValidationGate("latency.p95Millis", 900.0, 950.0, 5000.0, false, true));
        assertThat(result.examples()).extracting(e -> e.outcome()).containsExactly("WIN", "LOSS", "TIE");
    }

    @Test
    void aWorseCandidateFailsNamingEachGateWithBothValues() {
        RecordModelValidation result = verdict(Map.of("review.score", 0.45, "latency.p95Millis", 1200.0),
                Map.of("review.score", 0.6, "latency.p95Millis", 900.0), List.of(item("a", 0.3, 0.6)));

        assertThat(result.passed()).isFalse();
        assertThat(result.reasons()).containsExactly(
                "review.score: candidate 0.4500 below the threshold 0.5000 (incumbent 0.6000)",
                "review.score: candidate 0.4500 worse than the incumbent 0.6000 beyond the margin 0.02000",
                "latency.p95Millis: candidate 1200 worse than the incumbent 900.0 beyond the margin 100.0");
        assertThat(result.gates()).extracting(ValidationGate::passed).containsExactly(false, false);
        assertThat(result.losses()).isEqualTo(1);
    }

    @Test
    void aCandidateWithinTheMarginsTiesEverywhereAndPasses() {
        RecordModelValidation result = verdict(Map.of("review.score", 0.59, "latency.p95Millis", 990.0),
                Map.of("review.score", 0.60, "latency.p95Millis", 900.0),
                List.of(item("a", 0.59, 0.60), item("b", 0.61, 0.60)));

        assertThat(result.passed()).isTrue();
        assertThat(result.ties()).isEqualTo(2);
        assertThat(result.wins() + result.losses()).isZero();
    }

    @Test
    void aCandidateThatMatchesTheIncumbentButMissesAThresholdFails() {
        RecordModelValidation result = verdict(Map.of("review.score", 0.4, "latency.p95Millis", 900.0),
                Map.of("review.score", 0.4, "latency.p95Millis", 900.0), List.of(item("a", 0.4, 0.4)));

        assertThat(result.passed()).isFalse();
        assertThat(result.reasons()).singleElement().asString().startsWith("review.score: candidate 0.4000 below the threshold");
    }

    @Test
    void withoutAnIncumbentOnlyThresholdsCountAndNothingIsTallied() {
        RecordModelValidation result = ValidationVerdict.of("v-1", CANDIDATE, null, SUITE, new SuiteRun(
                Map.of("review.score", 0.7, "latency.p95Millis", 900.0), null,
                List.of(new ItemResult("a", "x", null, 0.9, null), new ItemResult("b", "y", null, 0.2, null))));

        assertThat(result.passed()).isTrue();
        assertThat(result.wins() + result.losses() + result.ties()).isZero();
        assertThat(result.examples()).extracting(e -> e.input()).containsExactly("b", "a");
        assertThat(result.examples()).extracting(e -> e.outcome()).containsOnly("ALONE");
    }

    @Test
    void aMetricNotMeasuredAndAnEmptyDatasetFail() {
        RecordModelValidation result = verdict(Map.of("review.score", 0.9), Map.of("review.score", 0.6), List.of());

        assertThat(result.passed()).isFalse();
        assertThat(result.reasons()).containsExactly("latency.p95Millis: not measured on the candidate",
                "dataset: the suite's dataset held no items to measure");
    }
}
