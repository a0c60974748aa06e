package io.storyteller.domain.budget;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts the platform-wide spend limit; platform admins only. Clearing what is not set changes nothing. */
public record ClearGlobalBudget(@TargetAggregateIdentifier String budgetId,
        Actor actor) {

    public ClearGlobalBudget(Actor actor) {
        this(GlobalBudget.ID, actor);
    }
}
