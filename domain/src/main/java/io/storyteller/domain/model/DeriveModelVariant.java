package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;

/**
 * Derives a named variant of a chat model for one use case, like an Ollama Modelfile: the base
 * version, a system prompt and sampling parameters (e.g. {@code narrator-noir}). Handled by
 * {@link ModelDerivation}, which checks the base.
 */
public record DeriveModelVariant(String variantModelId,
        String name,
        ModelRef base,
        UseCase useCase,
        String systemPrompt,
        SamplingParameters sampling,
        Actor actor) {
}
