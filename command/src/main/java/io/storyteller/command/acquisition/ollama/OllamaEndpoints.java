package io.storyteller.command.acquisition.ollama;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.endpoint.ProviderKind;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The configured endpoints of kind {@code ollama}, and one {@link OllamaApi} each. */
public class OllamaEndpoints {

    private final ProviderEndpoints endpoints;
    private final Map<String, OllamaApi> apis = new ConcurrentHashMap<>();

    public OllamaEndpoints(ProviderEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The endpoint {@code name}; NOT_FOUND on {@code endpoint} when none is configured, {@code kind:ollama} when it is of another kind. */
    public ProviderEndpoint require(String name) {
        String wanted = Require.text("endpoint", name, 40);
        ProviderEndpoint endpoint = endpoints.named(wanted).orElseThrow(() -> DomainRejection.notFound("endpoint",
                "no provider endpoint named " + wanted + " is configured (storyteller.providers." + wanted + ")"));
        if (endpoint.kind() != ProviderKind.OLLAMA) {
            throw DomainRejection.invalid("endpoint", "kind:ollama", "endpoint " + wanted + " is of kind "
                    + endpoint.kind().configName() + ", not ollama");
        }
        return endpoint;
    }

    /** The Ollama endpoint a registry model id {@code <endpoint>:<model>} names, if it is one. */
    public Optional<ProviderEndpoint> servingModel(String modelId) {
        int colon = modelId.indexOf(':');
        return colon <= 0 ? Optional.empty()
                : endpoints.named(modelId.substring(0, colon)).filter(endpoint -> endpoint.kind() == ProviderKind.OLLAMA);
    }

    public OllamaApi api(ProviderEndpoint endpoint) {
        return apis.computeIfAbsent(endpoint.name(), name -> new OllamaApi(endpoint));
    }
}
