package io.storyteller.domain.model;

import java.time.Instant;
import java.util.List;

/** One version of a model with its evaluations, oldest first. */
public record ModelVersionView(String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange,
        List<ModelEvaluationView> evaluations,
        String addedBy,
        Instant addedAt) {
}
