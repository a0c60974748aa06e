package io.storyteller.domain.budget;

import java.math.BigDecimal;
import java.time.Instant;

/** A spend limit as its readers see it; {@code worldId} is null for the global one. */
public record BudgetView(String worldId,
        BigDecimal dailyUsd,
        BigDecimal monthlyUsd,
        WhenExhausted whenExhausted,
        String setBy,
        Instant setAt) {
}
