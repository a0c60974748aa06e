package io.storyteller.graphql.model;

import java.util.List;
import java.util.Map;

/** One named measurement, as the API shows an evaluation's metrics. */
public record Metric(String name, double value) {

    public static List<Metric> of(Map<String, Double> metrics) {
        return metrics == null ? List.of()
                : metrics.entrySet().stream().map(entry -> new Metric(entry.getKey(), entry.getValue())).toList();
    }
}
