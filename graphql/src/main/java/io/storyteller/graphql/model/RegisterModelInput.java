package io.storyteller.graphql.model;

import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.TokenPrice;
import java.util.List;

/** A model to register, as the API takes it; the Model aggregate checks every field. */
public record RegisterModelInput(String provider,
        String providerModelId,
        ModelKind kind,
        List<String> capabilities,
        int contextWindow,
        TokenPrice price,
        String license,
        ModelSource source) {

    /** The registry's convention: {@code <provider>:<providerModelId>}. */
    public String modelId() {
        return strip(provider) + ":" + strip(providerModelId);
    }

    public ModelSpec spec() {
        return new ModelSpec(provider, providerModelId, kind, capabilities, contextWindow, price, license);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
