package io.storyteller.domain.story;

/** Another narration was asked for; narrationBeatId is null when the last attempt failed. */
public record NarrationRetryRequested(String storyId,
        String worldId,
        String requestId,
        String actionBeatId,
        String narrationBeatId,
        String requestedBy) {
}
