package io.storyteller.domain.budget;

/** The platform-wide spend limit was lifted. */
public record GlobalBudgetCleared(String budgetId,
        String clearedBy) {
}
