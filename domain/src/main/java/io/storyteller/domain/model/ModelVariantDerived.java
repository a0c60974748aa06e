package io.storyteller.domain.model;

/**
 * A variant came into being: a model of source {@link ModelSource#VARIANT} whose spec is its
 * base's and whose lineage is the base version. Its version "1" follows as {@link ModelVersionAdded}.
 * The system prompt is empty and sampling null when the variant leaves the base's defaults.
 */
public record ModelVariantDerived(String modelId,
        String name,
        ModelSpec spec,
        ModelRef base,
        UseCase useCase,
        String systemPrompt,
        SamplingParameters sampling,
        String derivedBy) {
}
