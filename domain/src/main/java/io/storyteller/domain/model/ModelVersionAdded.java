package io.storyteller.domain.model;

/** A model gained a version; artifact, lineage and training range are null where they do not apply. */
public record ModelVersionAdded(String modelId,
        String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange,
        String addedBy) {
}
