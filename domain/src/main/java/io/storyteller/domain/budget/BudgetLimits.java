package io.storyteller.domain.budget;

import io.storyteller.domain.model.Quantities;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.math.BigDecimal;

/**
 * A spend limit in US dollars per UTC day and per calendar month (UTC), either of which may be
 * unset (null), and what happens to a turn once one is reached. Spend is tokens times the model's
 * registered price, counted for every candidate a turn generated, chosen or not.
 */
public record BudgetLimits(BigDecimal dailyUsd,
        BigDecimal monthlyUsd,
        WhenExhausted whenExhausted) {

    /** A limit's largest value; far above any real budget, it keeps the read model's numeric column safe. */
    public static final BigDecimal MAX_USD = new BigDecimal("1000000000");

    /** The same limits, checked; rejects naming the first field that breaks a rule. */
    public BudgetLimits validated() {
        if (dailyUsd == null && monthlyUsd == null) {
            throw DomainRejection.invalid("budget", "any-limit",
                    "budget must set dailyUsd, monthlyUsd or both; clear the budget to lift it");
        }
        return new BudgetLimits(amount("budget.dailyUsd", dailyUsd), amount("budget.monthlyUsd", monthlyUsd),
                Require.present("budget.whenExhausted", whenExhausted));
    }

    /**
     * Whether these limits allow no more than {@code current} does: each limit set and at most the
     * current one where that is set, and no return from refusing to narrating more cheaply.
     */
    public boolean noLooserThan(BudgetLimits current) {
        return current == null || (within(dailyUsd, current.dailyUsd()) && within(monthlyUsd, current.monthlyUsd())
                && (whenExhausted == WhenExhausted.REFUSE || current.whenExhausted() == WhenExhausted.CHEAPER));
    }

    private static boolean within(BigDecimal limit, BigDecimal current) {
        return current == null || (limit != null && limit.compareTo(current) <= 0);
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        Quantities.nonNegative(field, value);
        if (value.compareTo(MAX_USD) > 0) {
            throw DomainRejection.invalid(field, "max:" + MAX_USD.toPlainString(),
                    field + " must be at most " + MAX_USD.toPlainString() + " USD but was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw DomainRejection.invalid(field, "scale:6", field + " may have at most 6 decimals but was " + value.toPlainString());
        }
        BigDecimal plain = value.stripTrailingZeros(); // 5.00 and 5 are one limit; 5E+1 is written 50
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
