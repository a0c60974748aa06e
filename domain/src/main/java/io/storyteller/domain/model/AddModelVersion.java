package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a version to a model. The artifact may be null for models the platform holds no files of
 * (API models); {@code derivedFrom} is the version it was trained or tuned from, and
 * {@code trainingDataRange} the slice of the event log it learnt from, both nullable.
 */
public record AddModelVersion(@TargetAggregateIdentifier String modelId,
        String version,
        ModelArtifact artifact,
        ModelRef derivedFrom,
        String trainingDataRange,
        Actor actor) {
}
