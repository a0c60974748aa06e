package io.storyteller.domain.story;

/** A change pushed to a story's watchers: a beat added or changed, beats erased, narration text as it is generated, a failure, the end. */
public record StoryUpdate(String storyId,
        StoryUpdateKind kind,
        BeatView beat,
        String requestId,
        String chunk,
        String reason) {
}
