package io.storyteller.command.narration;

import org.springframework.ai.chat.model.ChatModel;

/** The chat model that narrates a world's stories, as chosen by configuration. */
public interface NarratorModels {

    /**
     * @throws NarratorFailure when no narrator can serve the world (e.g. its house model is not trained yet)
     */
    ChatModel narratorFor(String worldId);
}
