package io.storyteller.command.validation;

import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.SuiteMetric;
import io.storyteller.domain.validation.ValidationGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides a suite's gates: a gate passes when the candidate meets its threshold and is no worse than
 * the incumbent beyond the gate's margin ("similar or better"). Each failed gate gives a reason that
 * names the metric and both values.
 */
final class SuiteGates {

    /** Rounding noise in a metric computed two ways must not fail a gate. */
    private static final double EPSILON = 1e-9;

    private SuiteGates() {
    }

    record Decision(List<ValidationGate> gates, List<String> reasons) {

        boolean passed() {
            return reasons.isEmpty();
        }
    }

    static Decision decide(EvaluationSuiteView suite, Map<String, Double> candidate, Map<String, Double> incumbent) {
        List<ValidationGate> gates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (SuiteMetric metric : suite.metrics()) {
            String name = metric.metric();
            Double value = candidate.get(name);
            Double rival = incumbent == null ? null : incumbent.get(name);
            if (value == null) {
                reasons.add(name + ": not measured on the candidate");
                continue;
            }
            boolean meets = metric.meets(value);
            double margin = metric.marginOr(suite.tieMargin());
            double worse = rival == null ? 0 : metric.higherIsBetter() ? rival - value : value - rival;
            boolean similar = worse <= margin + EPSILON;
            gates.add(new ValidationGate(name, value, rival, metric.threshold(), metric.higherIsBetter(), meets && similar));
            if (!meets) {
                reasons.add(name + ": candidate " + format(value) + (metric.higherIsBetter() ? " below" : " above")
                        + " the threshold " + format(metric.threshold()) + versus(rival));
            }
            if (!similar) {
                reasons.add(name + ": candidate " + format(value) + " worse than the incumbent " + format(rival)
                        + " beyond the margin " + format(margin));
            }
        }
        return new Decision(gates, reasons);
    }

    private static String versus(Double rival) {
        return rival == null ? "" : " (incumbent " + format(rival) + ")";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
