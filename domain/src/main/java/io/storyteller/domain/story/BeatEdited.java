package io.storyteller.domain.story;

/**
 * A beat was rewritten by hand; the original stays as a training signal. {@code originalText} is
 * set only in events stored before the Story aggregate stopped keeping beat texts; since then it
 * is null and a consumer takes the text before the edit from its own fold of the beat's earlier
 * events (the beat's selected alternative as it stood).
 */
public record BeatEdited(String storyId,
        String beatId,
        String originalText,
        String editedText,
        String editedBy) {
}
