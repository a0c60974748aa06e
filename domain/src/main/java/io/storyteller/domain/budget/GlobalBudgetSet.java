package io.storyteller.domain.budget;

/** The platform-wide spend limit was set (or replaced). */
public record GlobalBudgetSet(String budgetId,
        BudgetLimits budget,
        String setBy) {
}
