package io.storyteller.command.runtime;

import org.springframework.ai.chat.prompt.ChatOptions;

/** Spring AI's provider-neutral chat options, copied so that a wrapper can change some and keep the rest. */
final class PortableOptions {

    private PortableOptions() {
    }

    /** A builder holding every portable option of {@code options} (none when it is null). */
    static ChatOptions.Builder copyOf(ChatOptions options) {
        ChatOptions.Builder builder = ChatOptions.builder();
        if (options != null) {
            builder.model(options.getModel())
                    .temperature(options.getTemperature())
                    .topP(options.getTopP())
                    .topK(options.getTopK())
                    .maxTokens(options.getMaxTokens())
                    .frequencyPenalty(options.getFrequencyPenalty())
                    .presencePenalty(options.getPresencePenalty())
                    .stopSequences(options.getStopSequences());
        }
        return builder;
    }
}
