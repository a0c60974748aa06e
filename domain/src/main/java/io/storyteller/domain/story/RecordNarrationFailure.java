package io.storyteller.domain.story;

import io.storyteller.domain.budget.BudgetDecision;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a pending narration could not be produced; route is null when no deployment routed
 * it. {@code candidates} are the turn's candidates when the pipeline judged some and refused them all.
 * <p>
 * {@code code} types the failure where a client may act on it ({@link BudgetDecision#BUDGET_EXHAUSTED}), null
 * otherwise; {@code budget} is the spend limit that refused the turn, null when none did.
 */
public record RecordNarrationFailure(@TargetAggregateIdentifier String storyId,
        String requestId,
        String reason,
        String model,
        NarrationRoute route,
        List<CandidateReport> candidates,
        String code,
        BudgetDecision budget) {

    public RecordNarrationFailure {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A failure no spend limit caused. */
    public RecordNarrationFailure(String storyId, String requestId, String reason, String model, NarrationRoute route,
            List<CandidateReport> candidates) {
        this(storyId, requestId, reason, model, route, candidates, null, null);
    }

    /** A turn a reached spend limit refused. */
    public static RecordNarrationFailure refusedBy(BudgetDecision budget, String storyId, String requestId, String reason,
            String model, NarrationRoute route) {
        return new RecordNarrationFailure(storyId, requestId, reason, model, route, null, BudgetDecision.BUDGET_EXHAUSTED,
                budget);
    }

    public RecordNarrationFailure(String storyId, String requestId, String reason, String model) {
        this(storyId, requestId, reason, model, null, null);
    }

    public RecordNarrationFailure(String storyId, String requestId, String reason, String model, NarrationRoute route) {
        this(storyId, requestId, reason, model, route, null);
    }
}
