package io.storyteller.domain.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoSwitchPolicyTest {

    private static ArmMetrics rated(Double rating, String cost) {
        return new ArmMetrics(500, 0, 1000, 0, 0, rating, new BigDecimal(cost));
    }

    @ParameterizedTest
    @CsvSource({
            "4.2, true",
            "4.19, false",
            "4.0, false",
            "5.0, true"})
    void theGainMustReachTheMarginExactlyInDecimal(double candidateRating, boolean switching) {
        // 4.2 - 4.0 is 0.2 in decimal, not 0.20000000000000018
        AutoSwitchPolicy policy = new AutoSwitchPolicy(0.2, null);
        assertThat(policy.assess(rated(candidateRating, "0"), rated(4.0, "0")).switching()).isEqualTo(switching);
    }

    @ParameterizedTest
    @CsvSource({
            "0.006, true",
            "0.0061, false",
            "0.003, true"})
    void theCostMayRiseByAtMostTheLimit(String candidateCost, boolean switching) {
        AutoSwitchPolicy policy = new AutoSwitchPolicy(0.2, new BigDecimal("0.002"));
        assertThat(policy.assess(rated(4.5, candidateCost), rated(4.0, "0.004")).switching()).isEqualTo(switching);
    }

    @Test
    void withoutACostLimitAnyCostGoes() {
        AutoSwitchPolicy policy = new AutoSwitchPolicy(0.2, null);
        assertThat(policy.assess(rated(4.5, "1.25"), rated(4.0, "0.004")))
                .isEqualTo(new AutoSwitchAssessment(true,
                        "switching: rating 4.5 against 4, a gain of 0.5 (at least 0.2 required); cost per beat changes by 1.246 USD (not limited)"));
    }

    @Test
    void aCheaperCandidateShowsAFallingCost() {
        AutoSwitchPolicy policy = new AutoSwitchPolicy(0, BigDecimal.ZERO);
        assertThat(policy.assess(rated(4.0, "0.003"), rated(4.0, "0.004")))
                .isEqualTo(new AutoSwitchAssessment(true,
                        "switching: rating 4 against 4, a gain of 0 (at least 0 required); cost per beat changes by -0.001 USD (at most 0 allowed)"));
    }

    @Test
    void withoutRatingsThereIsNothingToCompare() {
        AutoSwitchPolicy policy = new AutoSwitchPolicy(0.2, null);
        assertThat(policy.assess(rated(null, "0"), rated(4.0, "0")))
                .isEqualTo(new AutoSwitchAssessment(false, "not switching: the candidate's evaluation has no rating"));
        assertThat(policy.assess(rated(4.5, "0"), rated(null, "0")))
                .isEqualTo(new AutoSwitchAssessment(false, "not switching: the stable model's evaluation has no rating"));
    }

    @Test
    void aPolicyIsCheckedFieldByField() {
        assertThat(new AutoSwitchPolicy(0, null).validated("policy")).isEqualTo(new AutoSwitchPolicy(0, null));
        assertThat(new AutoSwitchPolicy(4, BigDecimal.ZERO).validated("policy")).isEqualTo(new AutoSwitchPolicy(4, BigDecimal.ZERO));
    }
}
