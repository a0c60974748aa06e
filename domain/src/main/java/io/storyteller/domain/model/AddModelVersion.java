package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a version to a model. The artifact may be null for models the platform holds no files of
 * (API models); {@code derivedFrom} is the version it was trained or tuned from, and
 * {@code trainingDataRange} the slice of the event log it learnt from, both nullable; {@code training}
 * how a fine-tuning trained it (null for anything else).
 */
public record AddModelVersion(@TargetAggregateIdentifier String modelId,
        String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange,
        Actor actor,
        TrainingLineage training) {

    /** A version that was not trained by a fine-tuning. */
    public AddModelVersion(String modelId, String version, ModelArtifact artifact, ModelRef derivedFrom,
            String trainingDataRange, Actor actor) {
        this(modelId, version, artifact, derivedFrom, trainingDataRange, actor, null);
    }
}
