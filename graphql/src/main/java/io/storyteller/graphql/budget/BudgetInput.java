package io.storyteller.graphql.budget;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.WhenExhausted;
import java.math.BigDecimal;

/** A spend limit as a client sends it; the aggregates check it. */
public record BudgetInput(BigDecimal dailyUsd, BigDecimal monthlyUsd, WhenExhausted whenExhausted) {

    BudgetLimits toLimits() {
        return new BudgetLimits(dailyUsd, monthlyUsd, whenExhausted);
    }
}
