package io.storyteller.domain.story;

/** The author's note changed. */
public record AuthorsNoteSet(String storyId,
        String note,
        String setBy) {
}
