package io.storyteller.domain.story;

/**
 * A change pushed to a story's watchers: a beat added or changed, beats erased, a narration's checked
 * text before it is recorded, a failure (with its code when it has one, e.g. {@code BUDGET_EXHAUSTED}), the end.
 */
public record StoryUpdate(String storyId,
        StoryUpdateKind kind,
        BeatView beat,
        String requestId,
        String chunk,
        String reason,
        String code) {

    /** An update without a failure code. */
    public StoryUpdate(String storyId, StoryUpdateKind kind, BeatView beat, String requestId, String chunk, String reason) {
        this(storyId, kind, beat, requestId, chunk, reason, null);
    }
}
