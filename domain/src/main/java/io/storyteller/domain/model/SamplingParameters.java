package io.storyteller.domain.model;

import io.storyteller.domain.shared.Require;

/** How a variant samples; each null leaves the base model's default. */
public record SamplingParameters(Double temperature,
        Double topP,
        Integer maxTokens) {

    public SamplingParameters validated(String field) {
        return new SamplingParameters(
                Quantities.optionalBetween(field + ".temperature", temperature, 0, 2),
                Quantities.optionalBetween(field + ".topP", topP, 0, 1),
                maxTokens == null ? null : Require.range(field + ".maxTokens", maxTokens, 1, 32_000));
    }
}
