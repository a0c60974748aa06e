package io.storyteller.domain.story;

/** A fact's value was corrected by a person; the engine's later readings never replace it. */
public record StoryFactCorrected(String storyId, String factKey, String previousValue, String value, String correctedBy) {
}
