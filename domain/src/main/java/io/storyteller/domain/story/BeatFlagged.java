package io.storyteller.domain.story;

import io.storyteller.domain.safety.HarmCategory;
import java.util.List;

/**
 * A beat was labelled for the guardrail. It carries the beat's text as it stood when flagged, so
 * training needs nothing else to learn from it.
 */
public record BeatFlagged(String storyId,
        String worldId,
        String beatId,
        BeatKind beatKind,
        String text,
        List<HarmCategory> categories,
        int severity,
        boolean realWorld,
        String flaggedBy) {

    public BeatFlagged {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
