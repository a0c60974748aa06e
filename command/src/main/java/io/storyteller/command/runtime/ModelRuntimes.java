package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelRef;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Runs a registered model version: turns a {@link ModelRef} into a chat model that answers as
 * that exact version. Model ids are {@code <provider>:<providerModelId>}: {@code house:<worldId>}
 * with versions "1", "2", … of the house model store, or {@code openai:…}, {@code anthropic:…},
 * {@code ollama:…} served by the configured Spring AI chat model of that provider.
 */
@FunctionalInterface
public interface ModelRuntimes {

    /**
     * @throws ModelUnavailableException when nothing here can serve that version (unknown provider,
     *                                   provider not configured, house version not stored)
     */
    ChatModel chatModelFor(ModelRef ref);
}
