package io.storyteller.command.housemodel.serving;

import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.command.brief.PromptBriefs;
import io.storyteller.command.housemodel.prose.ProseNarrator;
import io.storyteller.command.housemodel.prose.WrittenBeat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * The house model as a Spring AI chat model: the narrator when no LLM provider is configured.
 * It answers the prompt's action in prose ({@link ProseNarrator}): the beat is planned from the
 * prompt's {@link NarrationBrief} (or what its messages tell), realised by the grammar, and each
 * sentence chosen among well-formed options by this world's trained model. Temperature and max
 * tokens (counted as words) come from the prompt's {@link ChatOptions} when set, else from the
 * defaults; the seed from the defaults. Does not own the runtime: close that yourself.
 */
public final class HouseChatModel implements ChatModel {

    private final HouseModelRuntime runtime;
    private final GenerationSettings defaults;

    public HouseChatModel(HouseModelRuntime runtime) {
        this(runtime, GenerationSettings.defaults());
    }

    public HouseChatModel(HouseModelRuntime runtime, GenerationSettings defaults) {
        this.runtime = runtime;
        this.defaults = defaults;
    }

    private static final ProseNarrator NARRATOR = new ProseNarrator();

    @Override
    public ChatResponse call(Prompt prompt) {
        GenerationResult result = narrate(prompt, settings(prompt), piece -> { });
        return GeneratedResponses.of(runtime.modelName(), result.text(), result, UUID.randomUUID().toString());
    }

    /** One chunk per word, emitted as each sentence is chosen; then a last empty chunk with usage. */
    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        GenerationSettings settings = settings(prompt);
        return GeneratedResponses.stream(runtime.modelName(), onPiece -> narrate(prompt, settings, onPiece));
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return ChatOptions.builder()
                .model(runtime.modelName())
                .temperature(defaults.temperature())
                .topP(defaults.topP())
                .maxTokens(defaults.maxTokens())
                .build();
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

    private GenerationResult narrate(Prompt prompt, GenerationSettings settings, Consumer<String> onPiece) {
        long seed = settings.seed() != null ? settings.seed() : ThreadLocalRandom.current().nextLong();
        WrittenBeat beat = NARRATOR.narrate(PromptBriefs.of(prompt), new HouseSentenceScorer(runtime), seed,
                settings.temperature(), settings.maxTokens(), onPiece);
        return new GenerationResult(beat.text(), runtime.encode(tail(prompt)).length, beat.pieces(),
                beat.cut() ? GenerationResult.LENGTH : GenerationResult.STOP);
    }

    /** The last user message: the action, whose tokens are counted as the prompt's. */
    private static String tail(Prompt prompt) {
        List<Message> messages = prompt.getInstructions();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).getMessageType() == MessageType.USER) {
                String text = messages.get(i).getText();
                return text == null ? "" : text;
            }
        }
        return "";
    }
}
