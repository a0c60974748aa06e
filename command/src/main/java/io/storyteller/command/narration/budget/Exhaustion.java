package io.storyteller.command.narration.budget;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.BudgetPeriod;
import io.storyteller.domain.budget.BudgetStanding;
import io.storyteller.domain.budget.WhenExhausted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spend limit a turn meets already reached: which budget ({@code global} or {@code world:<id>}),
 * over which period, the limit, what was spent and what the budget says to do. Pure.
 */
record Exhaustion(String budget, BudgetPeriod period, BigDecimal limit, BigDecimal spent, WhenExhausted action) {

    /**
     * The reached limit that decides the turn, empty when none is reached: a refusing one before a
     * cheaper one, the world's before the global, the day's before the month's. A limit is reached
     * once what was spent is at least the limit (so a limit of 0 allows no paid call at all).
     */
    static Optional<Exhaustion> of(String worldId, BudgetStanding standing) {
        List<Exhaustion> reached = new ArrayList<>();
        reached(reached, "world:" + worldId, standing.world(), standing.worldDay(), standing.worldMonth());
        reached(reached, "global", standing.global(), standing.globalDay(), standing.globalMonth());
        return reached.stream().filter(e -> e.action() == WhenExhausted.REFUSE).findFirst()
                .or(() -> reached.stream().findFirst());
    }

    private static void reached(List<Exhaustion> into, String budget, BudgetLimits limits, BigDecimal day,
            BigDecimal month) {
        if (limits == null) {
            return;
        }
        if (limits.dailyUsd() != null && day.compareTo(limits.dailyUsd()) >= 0) {
            into.add(new Exhaustion(budget, BudgetPeriod.DAY, limits.dailyUsd(), day, limits.whenExhausted()));
        }
        if (limits.monthlyUsd() != null && month.compareTo(limits.monthlyUsd()) >= 0) {
            into.add(new Exhaustion(budget, BudgetPeriod.MONTH, limits.monthlyUsd(), month, limits.whenExhausted()));
        }
    }
}
