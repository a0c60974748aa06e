package io.storyteller.domain.story;

/** A beat was rewritten by hand; the original stays as a training signal. */
public record BeatEdited(String storyId,
        String beatId,
        String originalText,
        String editedText,
        String editedBy) {
}
