package io.storyteller.domain.model;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Rules for numbers the model and deployment messages carry (rates, scores, prices, intervals);
 * like {@link Require}, each failure names the field and the rule.
 */
public final class Quantities {

    private Quantities() {
    }

    /** A number within {@code min..max}, both included; NaN never is. Rule {@code range:min..max}. */
    public static double between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            String rule = "range:" + plain(min) + ".." + plain(max);
            throw DomainRejection.invalid(field, rule,
                    field + " must be between " + plain(min) + " and " + plain(max) + " but was " + value);
        }
        return value;
    }

    /** Like {@link #between} for an optional number; null stays null. */
    public static Double optionalBetween(String field, Double value, double min, double max) {
        return value == null ? null : between(field, value, min, max);
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw DomainRejection.invalid(field, "non-negative", field + " must not be negative but was " + value);
        }
        return value;
    }

    /** A required amount of at least zero. */
    public static BigDecimal nonNegative(String field, BigDecimal value) {
        if (Require.present(field, value).signum() < 0) {
            throw DomainRejection.invalid(field, "non-negative", field + " must not be negative but was " + value);
        }
        return value;
    }

    /** A required duration longer than zero. */
    public static Duration positive(String field, Duration value) {
        if (Require.present(field, value).isNegative() || value.isZero()) {
            throw DomainRejection.invalid(field, "positive", field + " must be longer than zero but was " + value);
        }
        return value;
    }

    /** A number as people write it: {@code 0.25}, {@code 1250}, never {@code 1250.0} or {@code 1E+3}. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
