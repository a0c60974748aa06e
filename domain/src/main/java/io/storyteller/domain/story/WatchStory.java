package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.LiveQuery;

/** Subscribes to a story's changes as they happen. */
public record WatchStory(String storyId,
        Actor viewer) implements LiveQuery<StoryUpdate> {

    /** Every update of this story. */
    @Override
    public boolean wants(StoryUpdate update) {
        return storyId.equals(update.storyId());
    }
}
