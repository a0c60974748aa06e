package io.storyteller.domain.story;

/** A narration could not be produced; the player may retry. */
public record NarrationFailed(String storyId,
        String requestId,
        String actionBeatId,
        String reason,
        String model) {
}
