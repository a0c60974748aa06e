package io.storyteller.domain.model;

/**
 * A model gained a version; artifact, lineage, training range and training are null where they do
 * not apply ({@code training} is absent from events stored before fine-tuning existed).
 */
public record ModelVersionAdded(String modelId,
        String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange,
        String addedBy,
        TrainingLineage training) {

    public ModelVersionAdded(String modelId, String version, ModelArtifact artifact, ModelRef derivedFrom,
            String trainingDataRange, String addedBy) {
        this(modelId, version, artifact, derivedFrom, trainingDataRange, addedBy, null);
    }
}
