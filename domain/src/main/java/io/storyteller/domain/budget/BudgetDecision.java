package io.storyteller.domain.budget;

import java.math.BigDecimal;

/**
 * What a spend limit did to a turn, kept in its provenance (or its failure): which budget was
 * reached ({@code global} or {@code world:<id>}), over which period, the limit and what had been spent when the
 * turn began, and what the turn did about it.
 *
 * @param action  {@link WhenExhausted#CHEAPER} when the turn was narrated more cheaply, {@link WhenExhausted#REFUSE}
 *                when it was refused (also for a CHEAPER budget with no cheaper deployment)
 * @param outcome in words, e.g. "narrated by narrator:world:w1 (0 USD per million tokens) instead of narrator:global"
 */
public record BudgetDecision(String budget,
        BudgetPeriod period,
        BigDecimal limitUsd,
        BigDecimal spentUsd,
        WhenExhausted action,
        String outcome) {

    /** The failure code a refused turn records. */
    public static final String BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";

    /** How the budget reads in a message: "the daily budget of world w1 (0.01 USD)". */
    public String described() {
        String span = period == BudgetPeriod.DAY ? "daily" : "monthly";
        String owner = budget.startsWith("world:") ? " of world " + budget.substring("world:".length()) : "";
        String which = owner.isEmpty() ? "global " + span + " budget" : span + " budget" + owner;
        return "the " + which + " (" + limitUsd.toPlainString() + " USD)";
    }
}
