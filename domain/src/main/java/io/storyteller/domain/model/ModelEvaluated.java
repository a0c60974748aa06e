package io.storyteller.domain.model;

import java.util.Map;

/** An evaluation suite measured a version; metrics are sorted by name. */
public record ModelEvaluated(String modelId,
        String version,
        String suite,
        Map<String, Double> metrics,
        String evaluatedBy) {
}
