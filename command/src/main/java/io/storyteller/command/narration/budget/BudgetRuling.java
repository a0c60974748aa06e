package io.storyteller.command.narration.budget;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.budget.BudgetDecision;
import java.util.List;

/**
 * What the spend limits make of a turn before it is generated: the routes it narrates with, what a
 * reached limit decided (null when none is reached), and, when the turn is refused, the reason
 * shown to the player (then there are no routes).
 */
public record BudgetRuling(List<RouteChoice> choices, BudgetDecision decision, String refusal) {

    public BudgetRuling {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    static BudgetRuling within(List<RouteChoice> choices) {
        return new BudgetRuling(choices, null, null);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** Whether a limit is reached: then no mirrored shadow call is paid for either. */
    public boolean limited() {
        return decision != null;
    }
}
