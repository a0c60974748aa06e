package io.storyteller.command.runtime;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The LLM providers' chat models as Spring AI configured them (absent when not configured), each
 * asked per call for the model a deployment names.
 */
final class ProviderRuntimes {

    private final Map<String, Supplier<? extends ChatModel>> providers;

    /** @param providers by provider name ({@code openai}, …); a supplier answers null when that provider is not configured */
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
