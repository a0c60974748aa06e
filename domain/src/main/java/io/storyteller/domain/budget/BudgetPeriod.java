package io.storyteller.domain.budget;

/** The span a spend limit counts over, in UTC. */
public enum BudgetPeriod {
    /** The UTC calendar day. */
    DAY,
    /** The UTC calendar month. */
    MONTH
}
