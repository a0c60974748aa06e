package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** Starts a story in a world the actor belongs to; the actor owns it. */
public record StartStory(String storyId,
        String worldId,
        String title,
        Actor actor) {
}
