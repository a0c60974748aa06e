package io.storyteller.domain.story;

import io.storyteller.domain.safety.HarmCategory;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A beat was labelled for the guardrail, as its text stood when flagged. A consumer takes the
 * judged text from its own fold of the beat's earlier events (the beat's selected alternative as
 * edited, at the flag's place in the log).
 * <p>
 * Revision 2: {@code text} is always null. Events stored without a revision copied the text there
 * from the Story aggregate; the stored-event upcasters drop that copy on reading, since it is the
 * very text every consumer folds. The field stays so the JSON keeps its names.
 */
@Revision("2")
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
