package io.storyteller.domain.model;

/** One link of a {@link ModelLineage}: a version, where its model comes from and, when a fine-tuning made it, how. */
public record LineageStep(ModelRef ref,
        ModelSource source,
        TrainingLineage training) {

    /** A link no fine-tuning made. */
    public LineageStep(ModelRef ref, ModelSource source) {
        this(ref, source, null);
    }
}
