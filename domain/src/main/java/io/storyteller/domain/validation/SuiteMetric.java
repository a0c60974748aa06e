package io.storyteller.domain.validation;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.regex.Pattern;

/**
 * One gate of an evaluation suite: a metric the validator measures, the direction that is better,
 * and the absolute value a candidate must reach (null: only the comparison with the incumbent counts).
 *
 * @param margin how much worse than the incumbent still counts as similar, in the metric's unit;
 *               null: the suite's tie margin. Latency in milliseconds needs its own (noise is tens of ms).
 */
public record SuiteMetric(String metric, Double threshold, boolean higherIsBetter, Double margin) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+){0,3}");

    public static SuiteMetric atLeast(String metric, Double threshold) {
        return new SuiteMetric(metric, threshold, true, null);
    }

    public static SuiteMetric atMost(String metric, Double threshold) {
        return new SuiteMetric(metric, threshold, false, null);
    }

    public SuiteMetric withMargin(double gateMargin) {
        return new SuiteMetric(metric, threshold, higherIsBetter, gateMargin);
    }

    /** The margin this gate allows: its own, else the suite's. */
    public double marginOr(double tieMargin) {
        return margin == null ? tieMargin : margin;
    }

    /** Whether {@code value} meets the threshold (always, without one). */
    public boolean meets(double value) {
        return threshold == null || (higherIsBetter ? value >= threshold : value <= threshold);
    }

    SuiteMetric validated(int index) {
        String field = "metrics[" + index + "]";
        String name = Require.text(field + ".metric", metric, 60);
        if (!NAME.matcher(name).matches()) {
            throw DomainRejection.invalid(field + ".metric", "metric-name", "a metric is named like review.score");
        }
        if (threshold != null && !Double.isFinite(threshold)) {
            throw DomainRejection.invalid(field + ".threshold", "finite", "a threshold is a finite number");
        }
        if (margin != null && (!Double.isFinite(margin) || margin < 0)) {
            throw DomainRejection.invalid(field + ".margin", "non-negative", "a margin is a finite number, 0 or more");
        }
        return new SuiteMetric(name, threshold, higherIsBetter, margin);
    }
}
