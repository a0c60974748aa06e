package io.storyteller.domain.world;

import io.storyteller.domain.budget.BudgetLimits;

/** A world's spend limit was set (or replaced). */
public record WorldBudgetSet(String worldId,
        BudgetLimits budget,
        String setBy) {
}
