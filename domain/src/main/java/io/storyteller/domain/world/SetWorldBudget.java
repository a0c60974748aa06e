package io.storyteller.domain.world;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets a world's spend limit. Platform admins set any; the world's owner and admins may only
 * tighten it (see {@link BudgetLimits#noLooserThan}).
 */
public record SetWorldBudget(@TargetAggregateIdentifier String worldId,
        BudgetLimits budget,
        Actor actor) {
}
