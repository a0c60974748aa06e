package io.storyteller.domain.safety;

import io.storyteller.domain.world.ContentRating;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The written content policy ({@code docs/eval/guardrail-policy.md}) as code: the lowest content
 * rating that allows each category at each severity. A text is allowed at a rating when every
 * category it carries is (the strictest category decides), and never when it is a real-world
 * severe case.
 */
public final class RatingPolicy {

    /** Category → lowest allowing rating at severity 1, 2, 3 (fictional). */
    private static final Map<HarmCategory, ContentRating[]> LOWEST_ALLOWING = new EnumMap<>(Map.of(
            HarmCategory.VIOLENCE, ratings(ContentRating.EVERYONE, ContentRating.TEEN, ContentRating.MATURE),
            HarmCategory.SEXUAL, ratings(ContentRating.TEEN, ContentRating.MATURE, ContentRating.ADULT),
            HarmCategory.SELF_HARM, ratings(ContentRating.TEEN, ContentRating.MATURE, ContentRating.ADULT),
            HarmCategory.HATE, ratings(ContentRating.TEEN, ContentRating.MATURE, ContentRating.ADULT),
            HarmCategory.HARASSMENT, ratings(ContentRating.TEEN, ContentRating.TEEN, ContentRating.ADULT),
            HarmCategory.ILLEGAL, ratings(ContentRating.TEEN, ContentRating.TEEN, ContentRating.ADULT)));

    /** What {@link #breaking} names when the real-world rule, not a category, blocks the text. */
    public static final String REAL_WORLD = "real-world";

    private RatingPolicy() {
    }

    /** The lowest rating that allows the category at the (fictional) severity 1..3. */
    public static ContentRating lowestAllowing(HarmCategory category, int severity) {
        if (severity < 1 || severity > HarmAssessment.MAX_SEVERITY) {
            throw new IllegalArgumentException("severity must lie in 1..3");
        }
        return LOWEST_ALLOWING.get(category)[severity - 1];
    }

    public static boolean allowed(ContentRating rating, HarmAssessment assessment) {
        return breaking(rating, assessment).isEmpty();
    }

    /**
     * Why the text is not allowed at the rating: the keys of the categories whose severity the rating
     * does not allow, plus {@value #REAL_WORLD} for a never-allowed case; empty when allowed.
     */
    public static List<String> breaking(ContentRating rating, HarmAssessment assessment) {
        List<String> reasons = new ArrayList<>();
        if (assessment.neverAllowed()) {
            reasons.add(REAL_WORLD);
        }
        assessment.severities().forEach((category, severity) -> {
            if (rating.compareTo(lowestAllowing(category, severity)) < 0) {
                reasons.add(category.key());
            }
        });
        return List.copyOf(reasons);
    }

    private static ContentRating[] ratings(ContentRating... lowest) {
        return lowest;
    }
}
