package io.storyteller.domain.story;

import java.util.List;
import java.util.Map;

/**
 * The guardrail's verdict on one text at a world's content rating: the severity (0..3) it found
 * for each harm category, whether the rating allows the text, and which categories break it.
 */
public record HarmVerdict(String model,
        String modelVersion,
        Map<String, Integer> severities,
        boolean allowed,
        List<String> breaches) {

    public HarmVerdict {
        severities = severities == null ? Map.of() : Map.copyOf(severities);
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
    }
}
