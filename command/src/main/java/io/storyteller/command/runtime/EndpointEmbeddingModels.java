package io.storyteller.command.runtime;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.domain.model.ModelRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * One embedding model per {@code <endpoint>:<model>}, made on first use and kept. The model is
 * named in the built model's defaults, so a slot's id alone decides what every call asks for. Each
 * endpoint's embeddings go through a circuit breaker of their own ({@link CircuitBreakingEmbeddingModel}).
 */
final class EndpointEmbeddingModels implements EmbeddingRuntimes {

    private final ProviderEndpoints endpoints;
    private final BiFunction<ProviderEndpoint, String, EmbeddingModel> builder;
    private final Map<String, EmbeddingModel> made = new ConcurrentHashMap<>();
    private final CircuitBreakerRegistry breakers;
    private final boolean breaking;

    EndpointEmbeddingModels(ProviderEndpoints endpoints, BiFunction<ProviderEndpoint, String, EmbeddingModel> builder,
            CircuitBreakerProperties breaker) {
        this.endpoints = endpoints;
        this.builder = builder;
        this.breakers = CircuitBreakerRegistry.of(breaker.config());
        this.breaking = breaker.enabled();
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
        return made.computeIfAbsent(ref.modelId(), key -> guarded(endpoint.name(), builder.apply(endpoint, id.providerModelId())));
    }

    /** One breaker per endpoint's embeddings, apart from its chat models'. */
    private EmbeddingModel guarded(String endpoint, EmbeddingModel model) {
        return breaking ? new CircuitBreakingEmbeddingModel(model, breakers.circuitBreaker(endpoint + " embeddings")) : model;
    }
}
