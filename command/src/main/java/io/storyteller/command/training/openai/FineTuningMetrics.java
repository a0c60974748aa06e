package io.storyteller.command.training.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job's events say about training: the newest {@code metrics} event's numbers ({@code step},
 * {@code total_steps}, {@code train_loss}, {@code valid_loss}, …), and from them how far it is.
 */
final class FineTuningMetrics {

    private FineTuningMetrics() {
    }

    /** The numeric fields of the newest event that carries data; empty when none does. */
    static Map<String, Double> latest(List<JsonNode> newestFirst) {
        for (JsonNode event : newestFirst) {
            JsonNode data = event.path("data");
            if (data.isObject() && !data.isEmpty()) {
                Map<String, Double> numbers = new LinkedHashMap<>();
                data.properties().forEach(field -> {
                    if (field.getValue().isNumber()) {
                        numbers.put(field.getKey(), field.getValue().asDouble());
                    }
                });
                if (!numbers.isEmpty()) {
                    return numbers;
                }
            }
        }
        return Map.of();
    }

    /** {@code step / total_steps} when both are known, else negative (unknown). */
    static double fraction(Map<String, Double> metrics) {
        Double step = metrics.get("step");
        Double total = metrics.get("total_steps");
        return step != null && total != null && total > 0 ? Math.min(1.0, step / total) : -1;
    }
}
