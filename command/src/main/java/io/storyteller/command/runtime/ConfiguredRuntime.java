package io.storyteller.command.runtime;

import org.springframework.ai.chat.model.ChatModel;

/**
 * The runtime that narrates a world's stories when no deployment routes them, as
 * {@code storyteller.narrator.provider} chooses it: the world's house model at its pinned default
 * version, or one LLM provider's configured chat model for every world.
 */
@FunctionalInterface
public interface ConfiguredRuntime {

    /**
     * @throws ModelUnavailableException when nothing can serve the world (e.g. no house model can be trained for it)
     */
    ChatModel forWorld(String worldId);
}
