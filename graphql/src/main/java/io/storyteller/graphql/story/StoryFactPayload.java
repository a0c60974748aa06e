package io.storyteller.graphql.story;

/** The fact a pin or correction addressed, by its key. */
public record StoryFactPayload(String storyId, String factKey) {
}
