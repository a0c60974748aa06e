package io.storyteller.command.narration;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Gathers a streamed answer: the text, and the model name and token usage, which providers
 * report on some chunk (usually the last) or not at all. Fed by one thread at a time.
 */
final class CollectedResponses {

    private final StringBuilder text = new StringBuilder();
    private String model;
    private Integer promptTokens;
    private Integer completionTokens;
    private boolean any;

    /** Takes one response and returns its text chunk (empty when it carries none). */
    String add(ChatResponse response) {
        any = true;
        if (response == null) {
            return "";
        }
        ChatResponseMetadata metadata = response.getMetadata();
        if (metadata != null) {
            if (metadata.getModel() != null && !metadata.getModel().isBlank()) {
                model = metadata.getModel();
            }
            Usage usage = metadata.getUsage();
            if (usage != null) {
                promptTokens = positiveOr(usage.getPromptTokens(), promptTokens);
                completionTokens = positiveOr(usage.getCompletionTokens(), completionTokens);
            }
        }
        Generation generation = response.getResult();
        String chunk = generation == null || generation.getOutput() == null ? null : generation.getOutput().getText();
        if (chunk == null) {
            return "";
        }
        text.append(chunk);
        return chunk;
    }

    boolean isEmpty() {
        return !any;
    }

    String text() {
        return text.toString();
    }

    String model() {
        return model;
    }

    Integer promptTokens() {
        return promptTokens;
    }

    Integer completionTokens() {
        return completionTokens;
    }

    private static Integer positiveOr(Integer reported, Integer previous) {
        return reported != null && reported > 0 ? reported : previous;
    }
}
