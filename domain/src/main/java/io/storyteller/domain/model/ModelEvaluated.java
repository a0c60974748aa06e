package io.storyteller.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/**
 * An evaluation suite measured a version; metrics are sorted by name. {@code evaluationId} names
 * the request it answers (null when none, and in events stored before it existed).
 */
public record ModelEvaluated(String modelId,
        String version,
        String suite,
        Map<String, Double> metrics,
        String evaluatedBy,
        String evaluationId) {

    @JsonCreator
    public ModelEvaluated {
    }

    /** An evaluation nobody waits for. */
    public ModelEvaluated(String modelId, String version, String suite, Map<String, Double> metrics, String evaluatedBy) {
        this(modelId, version, suite, metrics, evaluatedBy, null);
    }
}
