package io.storyteller.domain.story;

import io.storyteller.domain.safety.HarmCategory;
import java.util.List;

/** The latest guardrail flag on a beat, as its readers see it. */
public record BeatFlag(List<HarmCategory> categories, int severity, boolean realWorld, String flaggedBy) {

    public BeatFlag {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
