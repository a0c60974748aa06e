package io.storyteller.domain.budget;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the platform-wide spend limit; platform admins only. */
public record SetGlobalBudget(@TargetAggregateIdentifier String budgetId,
        BudgetLimits budget,
        Actor actor) {

    public SetGlobalBudget(BudgetLimits budget, Actor actor) {
        this(GlobalBudget.ID, budget, actor);
    }
}
