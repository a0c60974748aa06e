package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelVariantView;
import io.storyteller.domain.model.SamplingParameters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A named variant at work, like an Ollama Modelfile: its base model, with the variant's system
 * prompt put before the caller's messages and its sampling parameters taking the place of the
 * caller's where the variant sets them.
 */
final class VariantChatModel implements ChatModel {

    private final ChatModel base;
    private final ModelVariantView variant;

    VariantChatModel(ChatModel base, ModelVariantView variant) {
        this.base = base;
        this.variant = variant;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        return base.call(shaped(prompt));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return base.stream(shaped(prompt));
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return base.getDefaultOptions();
    }

    Prompt shaped(Prompt prompt) {
        List<Message> messages = new ArrayList<>();
        if (variant.systemPrompt() != null && !variant.systemPrompt().isBlank()) {
            messages.add(new SystemMessage(variant.systemPrompt()));
        }
        messages.addAll(prompt.getInstructions());
        return new Prompt(messages, sampled(prompt.getOptions()));
    }

    private ChatOptions sampled(ChatOptions options) {
        SamplingParameters sampling = variant.sampling();
        if (sampling == null) {
            return options;
        }
        ChatOptions.Builder builder = PortableOptions.copyOf(options);
        if (sampling.temperature() != null) {
            builder.temperature(sampling.temperature());
        }
        if (sampling.topP() != null) {
            builder.topP(sampling.topP());
        }
        if (sampling.maxTokens() != null) {
            builder.maxTokens(sampling.maxTokens());
        }
        return builder.build();
    }
}
