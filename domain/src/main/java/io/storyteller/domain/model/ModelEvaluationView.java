package io.storyteller.domain.model;

import java.time.Instant;
import java.util.Map;

/** One evaluation of a version. */
public record ModelEvaluationView(String suite,
        Map<String, Double> metrics,
        String evaluatedBy,
        Instant evaluatedAt) {
}
