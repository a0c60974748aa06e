package io.storyteller.command.narration;

import java.util.List;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/** A chat model for tests that streams whatever its script answers to a prompt. */
final class ScriptedChatModel implements ChatModel {

    private final String name;
    private final Function<Prompt, Flux<ChatResponse>> script;
    volatile Prompt lastPrompt;

    ScriptedChatModel(String name, Function<Prompt, Flux<ChatResponse>> script) {
        this.name = name;
        this.script = script;
    }

    static ScriptedChatModel streaming(String name, ChatResponse... chunks) {
        return new ScriptedChatModel(name, prompt -> Flux.just(chunks));
    }

    static ChatResponse chunk(String text) {
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
    }

    static ChatResponse last(String text, String model, Integer promptTokens, Integer completionTokens) {
        ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().model(model);
        if (promptTokens != null) {
            metadata.usage(new DefaultUsage(promptTokens, completionTokens));
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))), metadata.build());
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        lastPrompt = prompt;
        return script.apply(prompt).blockLast();
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        lastPrompt = prompt;
        return script.apply(prompt);
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return ChatOptions.builder().model(name).build();
    }
}
