package io.storyteller.domain.story;

import java.util.List;

/**
 * A narration could not be produced; the player may retry. The route is null when no deployment
 * routed it; {@code candidates} hold the turn's refused candidates, empty when none was judged.
 */
public record NarrationFailed(String storyId,
        String requestId,
        String actionBeatId,
        String reason,
        String model,
        NarrationRoute route,
        List<CandidateReport> candidates) {

    public NarrationFailed {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public NarrationFailed(String storyId, String requestId, String actionBeatId, String reason, String model) {
        this(storyId, requestId, actionBeatId, reason, model, null, null);
    }

    public NarrationFailed(String storyId, String requestId, String actionBeatId, String reason, String model,
            NarrationRoute route) {
        this(storyId, requestId, actionBeatId, reason, model, route, null);
    }
}
