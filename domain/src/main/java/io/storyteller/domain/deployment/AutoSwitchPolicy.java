package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Quantities;
import java.math.BigDecimal;

/**
 * When a paid model is worth switching to, judged on offline evaluations of the candidate and the
 * stable model: both have a rating, the candidate's beats the stable's by at least
 * {@code minImprovement} points (1..5 scale), and, when {@code maxCostIncrease} is set, its cost per
 * beat exceeds the stable's by at most that many USD. Differences are taken in decimal, so a
 * candidate exactly at a margin switches. Safety metrics are left to the shadow-first rollout's gates.
 */
public record AutoSwitchPolicy(double minImprovement,
        BigDecimal maxCostIncrease) {

    public AutoSwitchPolicy validated(String field) {
        return new AutoSwitchPolicy(Quantities.between(field + ".minImprovement", minImprovement, 0, 4),
                maxCostIncrease == null ? null : Quantities.nonNegative(field + ".maxCostIncrease", maxCostIncrease));
    }

    public AutoSwitchAssessment assess(ArmMetrics candidate, ArmMetrics stable) {
        if (candidate.rating() == null) {
            return new AutoSwitchAssessment(false, "not switching: the candidate's evaluation has no rating");
        }
        if (stable.rating() == null) {
            return new AutoSwitchAssessment(false, "not switching: the stable model's evaluation has no rating");
        }
        BigDecimal improvement = BigDecimal.valueOf(candidate.rating()).subtract(BigDecimal.valueOf(stable.rating()));
        BigDecimal margin = BigDecimal.valueOf(minImprovement);
        String rating = "rating " + Quantities.plain(candidate.rating()) + " against " + Quantities.plain(stable.rating())
                + ", a gain of " + plain(improvement);
        if (improvement.compareTo(margin) < 0) {
            return new AutoSwitchAssessment(false, "not switching: " + rating + ", less than the required " + plain(margin));
        }
        BigDecimal increase = candidate.costPerBeat().subtract(stable.costPerBeat());
        String cost = "cost per beat changes by " + plain(increase) + " USD";
        if (maxCostIncrease == null) {
            return new AutoSwitchAssessment(true, "switching: " + rating + " (at least " + plain(margin) + " required); "
                    + cost + " (not limited)");
        }
        if (increase.compareTo(maxCostIncrease) > 0) {
            return new AutoSwitchAssessment(false, "not switching: " + cost + ", more than the allowed " + plain(maxCostIncrease));
        }
        return new AutoSwitchAssessment(true, "switching: " + rating + " (at least " + plain(margin) + " required); "
                + cost + " (at most " + plain(maxCostIncrease) + " allowed)");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
