package io.storyteller.graphql.story;

/** What a story mutation answers: the ids of what it addressed, for reading it back or following it on storyEvents. */
public record StoryPayload(String storyId) {
}
