package io.storyteller.domain.story;

import org.axonframework.serialization.Revision;

/**
 * A beat was rewritten by hand; the original stays as a training signal. A consumer takes the text
 * before the edit from its own fold of the beat's earlier events (the beat's selected alternative
 * as it stood).
 * <p>
 * Revision 2: {@code originalText} is always null. Events stored without a revision copied the
 * text there from the Story aggregate; the stored-event upcasters drop that copy on reading, since
 * it is the very text every consumer folds. The field stays so the JSON keeps its names.
 */
@Revision("2")
public record BeatEdited(String storyId,
        String beatId,
        String originalText,
        String editedText,
        String editedBy) {
}
