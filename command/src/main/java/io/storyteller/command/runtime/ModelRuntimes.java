package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelRef;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Runs a registered model version: turns a {@link ModelRef} into a chat model that answers as
 * that exact version. Model ids are {@code <provider>:<providerModelId>}: {@code house:<worldId>}
 * with versions "1", "2", … of the house model store, {@code variant:<name>} for a named variant,
 * or {@code <endpoint>:<model>} served by that provider endpoint's chat model ({@code openai:…},
 * {@code anthropic:…}, {@code ollama:…}, or any endpoint declared under {@code storyteller.providers}),
 * so one world's arms may be served by different endpoints at once.
 */
@FunctionalInterface
public interface ModelRuntimes {

    /**
     * @throws ModelUnavailableException when nothing here can serve that version (unknown endpoint,
     *                                   endpoint not configured or failing, house version not stored)
     */
    ChatModel chatModelFor(ModelRef ref);
}
