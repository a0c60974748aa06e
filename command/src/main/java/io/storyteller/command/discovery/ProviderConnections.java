package io.storyteller.command.discovery;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The provider endpoints worth scanning: every endpoint declared under
 * {@code storyteller.providers.<name>}, scanned with its kind's catalogue, and those Spring AI's
 * connection properties describe ({@code openai} when {@code spring.ai.openai.api-key} or
 * {@code .base-url} is set, {@code anthropic} when {@code spring.ai.anthropic.api-key} is set,
 * {@code ollama} when {@code spring.ai.ollama.base-url} is set) unless an endpoint of that name is declared.
 */
public final class ProviderConnections {

    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String OLLAMA = "ollama";

    private ProviderConnections() {
    }

    public static List<ProviderConnection> configured(Environment environment) {
        return of(ProviderEndpoints.configured(environment));
    }

    public static List<ProviderConnection> of(ProviderEndpoints endpoints) {
        return endpoints.all().stream().map(ProviderConnections::connection).toList();
    }

    static ProviderConnection connection(ProviderEndpoint endpoint) {
        return new ProviderConnection(endpoint.name(), endpoint.kind(), endpoint.baseUrl(), endpoint.apiKey(),
                endpoint.selfHosted(), endpoint.prices());
    }
}
