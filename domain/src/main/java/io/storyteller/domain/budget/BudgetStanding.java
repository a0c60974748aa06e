package io.storyteller.domain.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A world's limits and spend on {@code day} (UTC): the world's and the global limits (null when
 * unset) and the spend of the world and of the whole platform that day and that month.
 */
public record BudgetStanding(LocalDate day,
        BudgetLimits world,
        BudgetLimits global,
        BigDecimal worldDay,
        BigDecimal worldMonth,
        BigDecimal globalDay,
        BigDecimal globalMonth) {
}
