package io.storyteller.command.narration.failover;

import org.springframework.ai.chat.model.ChatModel;

/**
 * The narrator a world falls back on when its deployments' providers are down: its house model,
 * local and needing no network.
 */
@FunctionalInterface
public interface HouseFallback {

    /** @throws io.storyteller.command.runtime.ModelUnavailableException when the world has none (house models disabled) */
    ChatModel forWorld(String worldId);
}
