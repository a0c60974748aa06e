package io.storyteller.command.discovery;

import io.storyteller.domain.model.ModelKind;
import java.util.List;

/**
 * A model as a provider's catalogue lists it. {@code contextWindow} is 0 when the catalogue does
 * not tell; {@code license} is null when it does not tell.
 */
public record ListedModel(String providerModelId,
        String version,
        ModelKind kind,
        List<String> capabilities,
        int contextWindow,
        String license) {
}
