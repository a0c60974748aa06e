package io.storyteller.sagas.autoswitch;

import io.storyteller.domain.deployment.ArmMetrics;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A replay evaluation as recorded on its model (suite {@value #SUITE}), read back as an arm of
 * {@code DecideAutoSwitch}: its rating is the replay's quality proxy (absent when nothing was
 * replayed); no guardrail or detector ran.
 */
final class ReplayEvidence {

    /** The evaluation suite of the replay. */
    static final String SUITE = "narration-replay";

    private ReplayEvidence() {
    }

    static ArmMetrics armMetrics(Map<String, Double> metrics) {
        return new ArmMetrics(Math.round(value(metrics, "samples")), value(metrics, "errorRate"),
                Math.round(value(metrics, "latencyP95Millis")), 0, 0, metrics.get("quality"),
                BigDecimal.valueOf(value(metrics, "costPerBeat")).stripTrailingZeros());
    }

    private static double value(Map<String, Double> metrics, String name) {
        Double value = metrics.get(name);
        return value == null ? 0 : value;
    }
}
