package io.storyteller.command.discovery;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The providers whose Spring AI connection is configured, so worth scanning:
 * <ul>
 *   <li>{@code openai} when {@code spring.ai.openai.api-key} or {@code spring.ai.openai.base-url} is set
 *       (base URL default {@code https://api.openai.com}; any OpenAI-compatible server);</li>
 *   <li>{@code anthropic} when {@code spring.ai.anthropic.api-key} is set (base URL default
 *       {@code https://api.anthropic.com});</li>
 *   <li>{@code ollama} when {@code spring.ai.ollama.base-url} is set.</li>
 * </ul>
 */
public final class ProviderConnections {

    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String OLLAMA = "ollama";

    private ProviderConnections() {
    }

    public static List<ProviderConnection> configured(Environment environment) {
        List<ProviderConnection> connections = new ArrayList<>();
        String openAiKey = text(environment, "spring.ai.openai.api-key");
        String openAiBase = text(environment, "spring.ai.openai.base-url");
        if (openAiKey != null || openAiBase != null) {
            connections.add(new ProviderConnection(OPENAI, openAiBase == null ? "https://api.openai.com" : openAiBase,
                    openAiKey));
        }
        String anthropicKey = text(environment, "spring.ai.anthropic.api-key");
        if (anthropicKey != null) {
            String base = text(environment, "spring.ai.anthropic.base-url");
            connections.add(new ProviderConnection(ANTHROPIC, base == null ? "https://api.anthropic.com" : base,
                    anthropicKey));
        }
        String ollamaBase = text(environment, "spring.ai.ollama.base-url");
        if (ollamaBase != null) {
            connections.add(new ProviderConnection(OLLAMA, ollamaBase, null));
        }
        return List.copyOf(connections);
    }

    private static String text(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
