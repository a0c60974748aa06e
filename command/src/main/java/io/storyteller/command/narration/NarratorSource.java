package io.storyteller.command.narration;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationRoute;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Who writes a candidate: the chat model, the version it answers as and the route that chose it
 * (null for the configured narrator, outside any deployment). A source whose model cannot be
 * served carries why, so that its candidates fail with that reason and the others still run.
 */
record NarratorSource(ChatModel model, ModelRef served, String modelName, NarrationRoute route,
        RuntimeException unavailable) {

    static NarratorSource available(ChatModel model, ModelRef served, String modelName, NarrationRoute route) {
        return new NarratorSource(model, served, modelName, route, null);
    }

    static NarratorSource unavailable(ModelRef served, NarrationRoute route, RuntimeException why) {
        return new NarratorSource(null, served, served.label(), route, why);
    }
}
