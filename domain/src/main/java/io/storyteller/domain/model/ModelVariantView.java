package io.storyteller.domain.model;

/** What makes a variant: its name, base version, use case, system prompt and sampling. */
public record ModelVariantView(String name,
        ModelRef base,
        UseCase useCase,
        String systemPrompt,
        SamplingParameters sampling) {
}
