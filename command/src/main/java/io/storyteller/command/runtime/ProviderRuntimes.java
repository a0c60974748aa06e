package io.storyteller.command.runtime;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The provider endpoints' chat models by endpoint name (absent when not configured), each asked
 * per call for the model a deployment names.
 */
final class ProviderRuntimes {

    private final Map<String, Supplier<? extends ChatModel>> providers;

    /** @param providers by endpoint name ({@code openai}, {@code local-vllm}, …); a supplier answers null when that endpoint has no chat model */
    ProviderRuntimes(Map<String, Supplier<? extends ChatModel>> providers) {
        this.providers = Map.copyOf(providers);
    }

    boolean serves(String provider) {
        return providers.containsKey(provider);
    }

    ChatModel chatModel(String provider, String modelName, String label) {
        ChatModel configured = providers.get(provider).get();
        if (configured == null) {
            throw new ModelUnavailableException("model " + label + " is not available: no " + provider
                    + " chat model is configured (set spring.ai.model.chat=" + provider + " and the spring.ai."
                    + provider + ".* connection properties)");
        }
        return new PinnedChatModel(configured, modelName);
    }
}
