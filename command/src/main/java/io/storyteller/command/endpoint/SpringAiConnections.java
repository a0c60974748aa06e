package io.storyteller.command.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The endpoints Spring AI's own connection properties describe, as before named endpoints existed:
 * <ul>
 *   <li>{@code openai} when {@code spring.ai.openai.api-key} or {@code spring.ai.openai.base-url} is set
 *       (base URL default {@code https://api.openai.com}; any OpenAI-compatible server);</li>
 *   <li>{@code anthropic} when {@code spring.ai.anthropic.api-key} is set (base URL default
 *       {@code https://api.anthropic.com});</li>
 *   <li>{@code ollama} when {@code spring.ai.ollama.base-url} is set.</li>
 * </ul>
 * Their chat models are the ones Spring AI auto-configures; the timeouts here are only nominal.
 */
final class SpringAiConnections {

    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration READ = Duration.ofSeconds(120);

    private SpringAiConnections() {
    }

    static List<ProviderEndpoint> of(Environment environment) {
        List<ProviderEndpoint> endpoints = new ArrayList<>();
        String openAiKey = text(environment, "spring.ai.openai.api-key");
        String openAiBase = text(environment, "spring.ai.openai.base-url");
        if (openAiKey != null || openAiBase != null) {
            endpoints.add(endpoint(ProviderKind.OPENAI, openAiBase == null ? "https://api.openai.com" : openAiBase,
                    openAiKey));
        }
        String anthropicKey = text(environment, "spring.ai.anthropic.api-key");
        if (anthropicKey != null) {
            String base = text(environment, "spring.ai.anthropic.base-url");
            endpoints.add(endpoint(ProviderKind.ANTHROPIC, base == null ? "https://api.anthropic.com" : base, anthropicKey));
        }
        String ollamaBase = text(environment, "spring.ai.ollama.base-url");
        if (ollamaBase != null) {
            endpoints.add(endpoint(ProviderKind.OLLAMA, ollamaBase, null));
        }
        return List.copyOf(endpoints);
    }

    private static ProviderEndpoint endpoint(ProviderKind kind, String baseUrl, String apiKey) {
        return new ProviderEndpoint(kind.configName(), kind, baseUrl, apiKey, null, CONNECT, READ,
                kind == ProviderKind.OLLAMA, EndpointOptions.none(), Map.of(), true);
    }

    private static String text(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
