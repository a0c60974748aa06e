package io.storyteller.domain.story;

/** A story is a sequence of beats: what players did and how the narrator answered. */
public enum BeatKind {
    PLAYER_ACTION,
    NARRATION
}
