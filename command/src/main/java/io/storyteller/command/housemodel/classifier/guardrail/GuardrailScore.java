package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.domain.world.ContentRating;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How well verdicts match a labelled set: per rating, the share of texts whose allowed / blocked
 * decision matches the label, the texts passed although the label says the rating does not
 * allow them (the misses that matter most), and the texts refused although the rating allows them
 * (what players see as a refused ordinary turn).
 */
public record GuardrailScore(int cases, Map<ContentRating, Double> accuracy,
        Map<ContentRating, Integer> passedWhereNotAllowed, Map<ContentRating, Integer> notAllowed,
        Map<ContentRating, Integer> refusedWhereAllowed) {

    public int passedWhereNotAllowedTotal() {
        return passedWhereNotAllowed.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Texts the labels do not allow, summed over the ratings: what {@link #passedWhereNotAllowedTotal} is out of. */
    public int notAllowedTotal() {
        return notAllowed.values().stream().mapToInt(Integer::intValue).sum();
    }

    public static GuardrailScore of(List<GuardrailCase> cases, List<GuardrailVerdict> verdicts) {
        if (cases.size() != verdicts.size() || cases.isEmpty()) {
            throw new IllegalArgumentException("one verdict per case, at least one case");
        }
        Map<ContentRating, Double> accuracy = new EnumMap<>(ContentRating.class);
        Map<ContentRating, Integer> passed = new EnumMap<>(ContentRating.class);
        Map<ContentRating, Integer> blocked = new EnumMap<>(ContentRating.class);
        Map<ContentRating, Integer> refused = new EnumMap<>(ContentRating.class);
        for (ContentRating rating : ContentRating.values()) {
            int right = 0;
            int leaked = 0;
            int notAllowed = 0;
            int overBlocked = 0;
            for (int i = 0; i < cases.size(); i++) {
                boolean labelled = cases.get(i).allowed().get(rating);
                boolean decided = verdicts.get(i).allowed(rating);
                right += labelled == decided ? 1 : 0;
                leaked += decided && !labelled ? 1 : 0;
                notAllowed += labelled ? 0 : 1;
                overBlocked += labelled && !decided ? 1 : 0;
            }
            accuracy.put(rating, right / (double) cases.size());
            passed.put(rating, leaked);
            blocked.put(rating, notAllowed);
            refused.put(rating, overBlocked);
        }
        return new GuardrailScore(cases.size(), accuracy, passed, blocked, refused);
    }
}
