package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a harm assessment becomes classifier labels and back. Severity is ordinal, so each category
 * gets cumulative labels {@code violence>=1}, {@code violence>=2}, {@code violence>=3} (one
 * sigmoid each, so a severe example also teaches the milder thresholds), plus {@code real-world}.
 */
public final class GuardrailLabels {

    public static final String REAL_WORLD = "real-world";
    /** Any category: many more examples than each category alone, so the overall severity is learned best. */
    static final String ANY = "any";

    private GuardrailLabels() {
    }

    public static String atLeast(HarmCategory category, int severity) {
        return category.key() + ">=" + severity;
    }

    static String anyAtLeast(int severity) {
        return ANY + ">=" + severity;
    }

    /** Every label a guardrail model may output. */
    public static List<String> all() {
        List<String> labels = new ArrayList<>();
        for (HarmCategory category : HarmCategory.values()) {
            for (int severity = 1; severity <= HarmAssessment.MAX_SEVERITY; severity++) {
                labels.add(atLeast(category, severity));
            }
        }
        for (int severity = 1; severity <= HarmAssessment.MAX_SEVERITY; severity++) {
            labels.add(anyAtLeast(severity));
        }
        labels.add(REAL_WORLD);
        return List.copyOf(labels);
    }

    public static Set<String> encode(HarmAssessment assessment) {
        Set<String> labels = new LinkedHashSet<>();
        assessment.severities().forEach((category, severity) -> {
            for (int level = 1; level <= severity; level++) {
                labels.add(atLeast(category, level));
            }
        });
        for (int level = 1; level <= assessment.severity(); level++) {
            labels.add(anyAtLeast(level));
        }
        if (assessment.neverAllowed()) {
            labels.add(REAL_WORLD);
        }
        return labels;
    }

    private static HarmCategory likeliest(Map<String, Float> scores) {
        HarmCategory likeliest = HarmCategory.VIOLENCE;
        float best = -1;
        for (HarmCategory category : HarmCategory.values()) {
            float score = scores.getOrDefault(atLeast(category, 1), 0f);
            if (score > best) {
                best = score;
                likeliest = category;
            }
        }
        return likeliest;
    }

    /**
     * A category's severity is the highest level whose score, and every lower level's, reaches the
     * threshold; the overall severity ({@code any>=k}) may raise the likeliest category, and the
     * real-world mark makes the text severe.
     */
    public static HarmAssessment decode(Map<String, Float> scores, double threshold) {
        Map<HarmCategory, Integer> severities = new EnumMap<>(HarmCategory.class);
        for (HarmCategory category : HarmCategory.values()) {
            int severity = 0;
            while (severity < HarmAssessment.MAX_SEVERITY
                    && scores.getOrDefault(atLeast(category, severity + 1), 0f) >= threshold) {
                severity++;
            }
            severities.put(category, severity);
        }
        int overall = 0;
        while (overall < HarmAssessment.MAX_SEVERITY && scores.getOrDefault(anyAtLeast(overall + 1), 0f) >= threshold) {
            overall++;
        }
        boolean realWorld = scores.getOrDefault(REAL_WORLD, 0f) >= threshold;
        if (realWorld) {
            overall = HarmAssessment.MAX_SEVERITY;
        }
        // The overall severity, learned from every harmful example, lifts the likeliest category when
        // the per-category labels (a few dozen examples each) fall short of it. It only ever raises.
        int highest = severities.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (overall > highest) {
            severities.put(likeliest(scores), overall);
        }
        return new HarmAssessment(severities, realWorld);
    }
}
