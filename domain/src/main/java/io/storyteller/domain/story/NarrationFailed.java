package io.storyteller.domain.story;

import io.storyteller.domain.budget.BudgetDecision;
import java.util.List;

/**
 * A narration could not be produced; the player may retry. The route is null when no deployment
 * routed it; {@code candidates} hold the turn's refused candidates, empty when none was judged.
 * <p>
 * {@code code} types the failure where a client may act on it ({@link BudgetDecision#BUDGET_EXHAUSTED}), null
 * otherwise; {@code budget} is the spend limit that refused the turn, null when none did.
 */
public record NarrationFailed(String storyId,
        String requestId,
        String actionBeatId,
        String reason,
        String model,
        NarrationRoute route,
        List<CandidateReport> candidates,
        String code,
        BudgetDecision budget) {

    public NarrationFailed {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A failure no spend limit caused. */
    public NarrationFailed(String storyId, String requestId, String actionBeatId, String reason, String model,
            NarrationRoute route, List<CandidateReport> candidates) {
        this(storyId, requestId, actionBeatId, reason, model, route, candidates, null, null);
    }

    public NarrationFailed(String storyId, String requestId, String actionBeatId, String reason, String model) {
        this(storyId, requestId, actionBeatId, reason, model, null, null);
    }

    public NarrationFailed(String storyId, String requestId, String actionBeatId, String reason, String model,
            NarrationRoute route) {
        this(storyId, requestId, actionBeatId, reason, model, route, null);
    }
}
