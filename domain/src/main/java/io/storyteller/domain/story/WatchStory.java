package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** Subscribes to a story's changes as they happen. */
public record WatchStory(String storyId,
        Actor viewer) {
}
