package io.storyteller.domain.story;

import io.storyteller.domain.safety.HarmCategory;
import java.util.List;

/**
 * A beat was labelled for the guardrail, as its text stood when flagged. {@code text} is set only
 * in events stored before the Story aggregate stopped keeping beat texts; since then it is null and
 * a consumer takes the judged text from its own fold of the beat's earlier events (the beat's
 * selected alternative as edited, at the flag's place in the log).
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
