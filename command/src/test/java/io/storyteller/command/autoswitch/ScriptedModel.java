package io.storyteller.command.autoswitch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/** A chat model for tests answering each prompt by its script (which may throw), remembering the prompts. */
final class ScriptedModel implements ChatModel {

    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final Function<Prompt, ChatResponse> script;

    ScriptedModel(Function<Prompt, ChatResponse> script) {
        this.script = script;
    }

    /** Always the same text, reporting the given token usage. */
    static ScriptedModel answering(String text, int promptTokens, int completionTokens) {
        return new ScriptedModel(prompt -> new ChatResponse(List.of(new Generation(new AssistantMessage(text))),
                ChatResponseMetadata.builder().usage(new DefaultUsage(promptTokens, completionTokens)).build()));
    }

    static ScriptedModel failing() {
        return new ScriptedModel(prompt -> {
            throw new IllegalStateException("provider down");
        });
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        return script.apply(prompt);
    }
}
