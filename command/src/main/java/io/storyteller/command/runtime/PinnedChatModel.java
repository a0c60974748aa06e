package io.storyteller.command.runtime;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A provider's chat model asked for one named model on every call, whatever model its own
 * configuration names. Spring AI's OpenAI, Anthropic and Ollama models merge a prompt's portable
 * {@link ChatOptions} over their defaults, so the model name set here wins per call; the prompt's
 * other portable options (temperature, top-p, max tokens, …) are kept.
 */
final class PinnedChatModel implements ChatModel {

    private final ChatModel provider;
    private final String modelName;

    PinnedChatModel(ChatModel provider, String modelName) {
        this.provider = provider;
        this.modelName = modelName;
    }

    String modelName() {
        return modelName;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        return provider.call(pinned(prompt));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return provider.stream(pinned(prompt));
    }

    @Override
    public ChatOptions getDefaultOptions() {
        ChatOptions defaults;
        try {
            defaults = provider.getDefaultOptions();
        } catch (RuntimeException e) {
            defaults = null;
        }
        return withModel(defaults);
    }

    Prompt pinned(Prompt prompt) {
        return new Prompt(prompt.getInstructions(), withModel(prompt.getOptions()));
    }

    private ChatOptions withModel(ChatOptions options) {
        return PortableOptions.copyOf(options).model(modelName).build();
    }
}
