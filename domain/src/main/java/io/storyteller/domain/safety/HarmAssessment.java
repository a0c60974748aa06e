package io.storyteller.domain.safety;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How harmful a text is: a severity 0..3 per category (absent = 0), and whether it is a real-world
 * case (a real person, another player, real instructions), which at severity 3 no rating allows.
 * A guardrail's verdict and an admin's flag both come down to one.
 */
public record HarmAssessment(Map<HarmCategory, Integer> severities, boolean realWorld) {

    public static final int MAX_SEVERITY = 3;

    public HarmAssessment {
        EnumMap<HarmCategory, Integer> kept = new EnumMap<>(HarmCategory.class);
        if (severities != null) {
            severities.forEach((category, severity) -> {
                if (severity == null || severity < 0 || severity > MAX_SEVERITY) {
                    throw new IllegalArgumentException("severity of " + category + " must lie in 0..3");
                }
                if (severity > 0) {
                    kept.put(category, severity);
                }
            });
        }
        severities = Collections.unmodifiableMap(kept);
    }

    public static HarmAssessment benign() {
        return new HarmAssessment(Map.of(), false);
    }

    /** The overall severity: the highest of any category. */
    public int severity() {
        return severities.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public int severity(HarmCategory category) {
        return severities.getOrDefault(category, 0);
    }

    /** A case no rating allows: real-world and severe. */
    public boolean neverAllowed() {
        return realWorld && severity() == MAX_SEVERITY;
    }
}
