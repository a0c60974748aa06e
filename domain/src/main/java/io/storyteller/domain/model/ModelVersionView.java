package io.storyteller.domain.model;

import java.time.Instant;
import java.util.List;

/** One version of a model with its evaluations, oldest first; {@code training} is how a fine-tuning trained it, else null. */
public record ModelVersionView(String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange,
        List<ModelEvaluationView> evaluations,
        String addedBy,
        Instant addedAt,
        TrainingLineage training) {

    /** A version no fine-tuning trained. */
    public ModelVersionView(String version, ModelArtifact artifact, ModelRef derivedFrom, String trainingDataRange,
            List<ModelEvaluationView> evaluations, String addedBy, Instant addedAt) {
        this(version, artifact, derivedFrom, trainingDataRange, evaluations, addedBy, addedAt, null);
    }
}
