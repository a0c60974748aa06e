package io.storyteller.domain.story;

/** What a {@link StoryUpdate} tells a story's watchers. */
public enum StoryUpdateKind {
    BEAT_ADDED,
    BEAT_CHANGED,
    BEATS_ERASED,
    NARRATION_PROGRESS,
    NARRATION_FAILED,
    STORY_CHANGED,
    STORY_ENDED
}
