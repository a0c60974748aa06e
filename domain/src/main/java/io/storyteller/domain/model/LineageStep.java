package io.storyteller.domain.model;

/** One link of a {@link ModelLineage}: a version and where its model comes from. */
public record LineageStep(ModelRef ref,
        ModelSource source) {
}
