package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** A page of a story's beats after a position (0 = from the start). */
public record FindBeats(String storyId,
        Actor viewer,
        int afterPosition,
        int first) {
}
