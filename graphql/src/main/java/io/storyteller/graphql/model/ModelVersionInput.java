package io.storyteller.graphql.model;

import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;

/** A version to add to a model; artifact, lineage and training range may be left out. */
public record ModelVersionInput(String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange) {
}
