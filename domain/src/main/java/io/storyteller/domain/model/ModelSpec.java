package io.storyteller.domain.model;

import io.storyteller.domain.shared.Require;
import java.util.List;

/**
 * What a model is, as its provider describes it. It holds no credentials: a runtime finds the
 * provider's key in configuration or a secret store.
 */
public record ModelSpec(String provider,
        String providerModelId,
        ModelKind kind,
        List<String> capabilities,
        int contextWindow,
        TokenPrice price,
        String license) {

    /** The same spec, trimmed and checked; rejects naming the first field that breaks a rule. */
    public ModelSpec validated() {
        return new ModelSpec(
                Require.text("spec.provider", provider, 60),
                Require.id("spec.providerModelId", providerModelId),
                Require.present("spec.kind", kind),
                Require.texts("spec.capabilities", capabilities, 32, 60),
                Require.range("spec.contextWindow", contextWindow, 1, 10_000_000),
                Require.present("spec.price", price).validated("spec.price"),
                Require.text("spec.license", license, 200));
    }
}
