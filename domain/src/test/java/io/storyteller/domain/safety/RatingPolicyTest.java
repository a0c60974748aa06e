package io.storyteller.domain.safety;

import static io.storyteller.domain.world.ContentRating.ADULT;
import static io.storyteller.domain.world.ContentRating.EVERYONE;
import static io.storyteller.domain.world.ContentRating.MATURE;
import static io.storyteller.domain.world.ContentRating.TEEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.world.ContentRating;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The decision table of docs/eval/guardrail-policy.md, row by row. */
class RatingPolicyTest {

    @ParameterizedTest(name = "{0} at severity {1}: E={2} T={3} M={4} AO={5}")
    @CsvSource({
            "VIOLENCE,   1, true,  true,  true,  true",
            "VIOLENCE,   2, false, true,  true,  true",
            "VIOLENCE,   3, false, false, true,  true",
            "SEXUAL,     1, false, true,  true,  true",
            "SEXUAL,     2, false, false, true,  true",
            "SEXUAL,     3, false, false, false, true",
            "SELF_HARM,  1, false, true,  true,  true",
            "SELF_HARM,  2, false, false, true,  true",
            "SELF_HARM,  3, false, false, false, true",
            "HATE,       1, false, true,  true,  true",
            "HATE,       2, false, false, true,  true",
            "HATE,       3, false, false, false, true",
            "HARASSMENT, 1, false, true,  true,  true",
            "HARASSMENT, 2, false, true,  true,  true",
            "HARASSMENT, 3, false, false, false, true",
            "ILLEGAL,    1, false, true,  true,  true",
            "ILLEGAL,    2, false, true,  true,  true",
            "ILLEGAL,    3, false, false, false, true"})
    void eachCategoryAndSeverityIsAllowedFromItsLowestRatingUp(HarmCategory category, int severity, boolean e,
            boolean t, boolean m, boolean ao) {
        HarmAssessment fictional = new HarmAssessment(Map.of(category, severity), false);
        assertThat(RatingPolicy.allowed(EVERYONE, fictional)).isEqualTo(e);
        assertThat(RatingPolicy.allowed(TEEN, fictional)).isEqualTo(t);
        assertThat(RatingPolicy.allowed(MATURE, fictional)).isEqualTo(m);
        assertThat(RatingPolicy.allowed(ADULT, fictional)).isEqualTo(ao);
    }

    @Test
    void benignTextIsAllowedEverywhere() {
        for (ContentRating rating : ContentRating.values()) {
            assertThat(RatingPolicy.allowed(rating, HarmAssessment.benign())).isTrue();
            assertThat(RatingPolicy.breaking(rating, HarmAssessment.benign())).isEmpty();
        }
    }

    @Test
    void theStrictestCategoryDecidesAndEveryBreakingCategoryIsNamed() {
        HarmAssessment hateAndViolence = new HarmAssessment(Map.of(HarmCategory.HATE, 2, HarmCategory.VIOLENCE, 2), false);
        assertThat(RatingPolicy.breaking(EVERYONE, hateAndViolence)).containsExactlyInAnyOrder("violence", "hate");
        assertThat(RatingPolicy.breaking(TEEN, hateAndViolence)).containsExactly("hate");
        assertThat(RatingPolicy.allowed(MATURE, hateAndViolence)).isTrue();
    }

    @Test
    void aSevereRealWorldCaseIsNeverAllowed() {
        HarmAssessment realAttack = new HarmAssessment(Map.of(HarmCategory.VIOLENCE, 3), true);
        for (ContentRating rating : ContentRating.values()) {
            assertThat(RatingPolicy.allowed(rating, realAttack)).as("%s", rating).isFalse();
        }
        assertThat(RatingPolicy.breaking(ADULT, realAttack)).containsExactly(RatingPolicy.REAL_WORLD);
    }

    @Test
    void theRealWorldMarkOnlyCountsAtSeverityThree() {
        HarmAssessment markedMild = new HarmAssessment(Map.of(HarmCategory.ILLEGAL, 2), true);
        assertThat(RatingPolicy.allowed(TEEN, markedMild)).isTrue();
    }

    @Test
    void severitiesOutsideZeroToThreeAreRefused() {
        assertThatThrownBy(() -> new HarmAssessment(Map.of(HarmCategory.HATE, 4), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatingPolicy.lowestAllowing(HarmCategory.HATE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new HarmAssessment(Map.of(HarmCategory.HATE, 0), false).severities()).isEmpty();
    }
}
