package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/** The facts that stand in a story, for those who may read it; empty for anyone else and for a story that does not exist. */
public record FindStoryFacts(String storyId, Actor viewer) {
}
