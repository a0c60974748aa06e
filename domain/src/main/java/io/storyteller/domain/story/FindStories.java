package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** Lists the stories the viewer may see, optionally in one world. */
public record FindStories(Actor viewer,
        String worldId) {
}
