package io.storyteller.command.runtime.onnx;

import io.storyteller.command.housemodel.serving.GeneratedResponses;
import io.storyteller.command.housemodel.serving.GenerationResult;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A downloaded causal LM as a Spring AI chat model, so a slot it serves narrates through the normal
 * pipeline with no provider: the prompt becomes a {@link TranscriptPrompt}, temperature, top-p, max
 * tokens and stop sequences come from the prompt's options over the defaults. {@link #call} and
 * {@link #stream} produce the same text (streaming hands on each piece as it is certain; the last
 * chunk is empty and carries usage and the finish reason). Does not own the model: close that yourself.
 */
public final class OnnxChatModel implements ChatModel {

    private final OnnxCausalLm model;
    private final GenerationSettings defaults;
    private final String modelName;

    /** @param modelName the version as chat clients see it, e.g. {@code hf:gpt2@<revision>} */
    public OnnxChatModel(OnnxCausalLm model, GenerationSettings defaults, String modelName) {
        this.model = model;
        this.defaults = defaults;
        this.modelName = modelName;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        StringBuilder text = new StringBuilder();
        GenerationResult result = generate(prompt, text::append);
        return GeneratedResponses.of(modelName, text.toString(), result, UUID.randomUUID().toString());
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return GeneratedResponses.stream(modelName, onPiece -> generate(prompt, onPiece));
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return ChatOptions.builder()
                .model(modelName)
                .temperature(defaults.temperature())
                .topP(defaults.topP())
                .maxTokens(defaults.maxTokens())
                .stopSequences(TranscriptPrompt.STOPS)
                .build();
    }

    /** The answer with its leading blank dropped ({@code Assistant:} is followed by a space the model writes). */
    private GenerationResult generate(Prompt prompt, Consumer<String> onPiece) {
        boolean[] started = {false};
        Consumer<String> trimmed = piece -> {
            String out = started[0] ? piece : piece.stripLeading();
            if (!out.isEmpty()) {
                started[0] = true;
                onPiece.accept(out);
            }
        };
        return model.generate(TranscriptPrompt.of(prompt.getInstructions()), settings(prompt), stops(prompt), trimmed);
    }

    GenerationSettings settings(Prompt prompt) {
        GenerationSettings settings = defaults;
        ChatOptions options = prompt.getOptions();
        if (options != null) {
            if (options.getTemperature() != null) {
                settings = settings.withTemperature(options.getTemperature());
            }
            if (options.getTopP() != null) {
                settings = settings.withTopP(options.getTopP());
            }
            if (options.getMaxTokens() != null) {
                settings = settings.withMaxTokens(options.getMaxTokens());
            }
        }
        return settings;
    }

    private static List<String> stops(Prompt prompt) {
        List<String> stops = new ArrayList<>(TranscriptPrompt.STOPS);
        ChatOptions options = prompt.getOptions();
        if (options != null && options.getStopSequences() != null) {
            stops.addAll(options.getStopSequences());
        }
        return stops;
    }
}
