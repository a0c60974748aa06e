package io.storyteller.domain.story;

/** Whether a story still accepts actions. */
public enum StoryStatus {
    ACTIVE,
    ENDED
}
