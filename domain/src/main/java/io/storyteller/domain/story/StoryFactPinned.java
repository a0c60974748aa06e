package io.storyteller.domain.story;

/** A player or world admin pinned a fact: it stands until corrected. */
public record StoryFactPinned(String storyId, String factKey, StoryFact fact, String pinnedBy) {
}
