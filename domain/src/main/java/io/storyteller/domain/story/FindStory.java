package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** Asks for one story, if the viewer may see it. */
public record FindStory(String storyId,
        Actor viewer) {
}
