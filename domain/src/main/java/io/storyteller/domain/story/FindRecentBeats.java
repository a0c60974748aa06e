package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** The last beats of a story, oldest first. */
public record FindRecentBeats(String storyId,
        Actor viewer,
        int limit) {
}
