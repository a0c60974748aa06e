package io.storyteller.graphql.finetuning;

import java.util.List;
import java.util.Map;

/** One thing a training measured, as the schema's {@code Metric}. */
public record TrainingMetric(String name, double value) {

    static List<TrainingMetric> of(Map<String, Double> metrics) {
        return metrics.entrySet().stream().map(entry -> new TrainingMetric(entry.getKey(), entry.getValue())).toList();
    }
}
