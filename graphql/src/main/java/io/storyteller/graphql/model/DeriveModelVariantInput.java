package io.storyteller.graphql.model;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.SamplingParameters;
import io.storyteller.domain.model.UseCase;

/** A named variant to derive; its id is {@code variant:<name>}. */
public record DeriveModelVariantInput(String name,
        ModelRef base,
        UseCase useCase,
        String systemPrompt,
        SamplingParameters sampling) {

    public static final String ID_PREFIX = "variant:";

    public String variantModelId() {
        return ID_PREFIX + (name == null ? "" : name.strip());
    }
}
