package io.storyteller.domain.story;

/** A narration could not be produced; the player may retry. The route is null when no deployment routed it. */
public record NarrationFailed(String storyId,
        String requestId,
        String actionBeatId,
        String reason,
        String model,
        NarrationRoute route) {

    public NarrationFailed(String storyId, String requestId, String actionBeatId, String reason, String model) {
        this(storyId, requestId, actionBeatId, reason, model, null);
    }
}
