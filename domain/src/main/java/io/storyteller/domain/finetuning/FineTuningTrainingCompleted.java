package io.storyteller.domain.finetuning;

import io.storyteller.domain.model.ModelRef;
import java.util.Map;

/** Training made {@code candidate}, registered with its lineage. */
public record FineTuningTrainingCompleted(String fineTuningId,
        ModelRef candidate,
        Map<String, Double> metrics) {

    public FineTuningTrainingCompleted {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
