package io.storyteller.command.narration;

import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.WatchStory;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Shows a narration's checked text to a story's watchers before it is recorded. Only the recorded
 * narration becomes an event; this update is ephemeral.
 * <p>
 * Call it off the event handler's thread (as {@link NarrationEngine} does): on a thread with a started
 * unit of work, Axon holds emitted updates back until that unit of work commits.
 */
@Component
public class NarrationProgress {

    private final QueryUpdateEmitter emitter;

    public NarrationProgress(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    void chunk(String storyId, String requestId, String text) {
        StoryUpdate update = new StoryUpdate(storyId, StoryUpdateKind.NARRATION_PROGRESS, null, requestId, text, null);
        emitter.emit(WatchStory.class, query -> query.wants(update), update);
    }
}
