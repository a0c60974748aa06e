package io.storyteller.command.runtime;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.domain.model.ModelRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * One embedding model per {@code <endpoint>:<model>}, made on first use and kept. The model is
 * named in the built model's defaults, so a slot's id alone decides what every call asks for.
 */
final class EndpointEmbeddingModels implements EmbeddingRuntimes {

    private final ProviderEndpoints endpoints;
    private final BiFunction<ProviderEndpoint, String, EmbeddingModel> builder;
    private final Map<String, EmbeddingModel> made = new ConcurrentHashMap<>();

    EndpointEmbeddingModels(ProviderEndpoints endpoints, BiFunction<ProviderEndpoint, String, EmbeddingModel> builder) {
        this.endpoints = endpoints;
        this.builder = builder;
    }

    @Override
    public EmbeddingModel embeddingModelFor(ModelRef ref) {
        ModelId id = ModelId.of(ref);
        if (ProviderEndpoints.RESERVED.contains(id.provider())) {
            throw new ModelUnavailableException(ref.label() + " is no embedding model: house models and named variants "
                    + "do not embed (the bundled house embedder serves without a slot)");
        }
        ProviderEndpoint endpoint = endpoints.named(id.provider()).orElseThrow(() -> new ModelUnavailableException(
                "no provider endpoint named " + id.provider() + " serves " + ref.label() + ": declare "
                        + ProviderEndpoints.PREFIX + "." + id.provider() + ".kind and .base-url"));
        return made.computeIfAbsent(ref.modelId(), key -> builder.apply(endpoint, id.providerModelId()));
    }
}
