package io.storyteller.command.narration;

import org.springframework.ai.chat.model.ChatModel;

/**
 * The worlds' house models as chat models, one per world (named {@code house:<worldKey>:v<N>} in
 * {@link org.springframework.ai.chat.prompt.ChatOptions#getModel()} of its default options and in
 * its responses' metadata). Implemented beside the house model runtime; used when
 * {@code storyteller.narrator.provider=house}.
 */
public interface HouseNarrators {

    /**
     * @throws RuntimeException when the world has no trained house model; the narration then fails
     *                          with a reason naming the exception type only
     */
    ChatModel forWorld(String worldId);
}
