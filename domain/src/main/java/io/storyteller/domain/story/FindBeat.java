package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** Asks for one beat of a story, if the viewer may read the story and the beat belongs to it. */
public record FindBeat(String storyId,
        String beatId,
        Actor viewer) {
}
