package io.storyteller.command.autoswitch;

import io.storyteller.domain.deployment.ArmMetrics;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What replaying recorded player actions through one model measured: the calls made, the share
 * that failed, the 95th percentile latency over every call (failed ones included), the mean cost
 * per answered beat in USD and the {@link ReplayQuality} proxy (null without samples).
 */
public record ReplayResult(int samples,
        double errorRate,
        long latencyP95Millis,
        BigDecimal costPerBeat,
        Double quality) {

    /** The evidence recorded with {@code RecordModelEvaluation}; quality is left out when there is none. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("errorRate", errorRate);
        metrics.put("latencyP95Millis", (double) latencyP95Millis);
        metrics.put("costPerBeat", costPerBeat.doubleValue());
        if (quality != null) {
            metrics.put("quality", quality);
        }
        metrics.put("samples", (double) samples);
        return metrics;
    }

    /** As an evaluation arm of {@code DecideAutoSwitch}: the rating is the quality proxy; no guardrail or detector ran. */
    public ArmMetrics armMetrics() {
        return new ArmMetrics(samples, errorRate, latencyP95Millis, 0, 0, quality, costPerBeat);
    }
}
