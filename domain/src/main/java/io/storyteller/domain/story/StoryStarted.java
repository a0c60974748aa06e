package io.storyteller.domain.story;

/** A story began. */
public record StoryStarted(String storyId,
        String worldId,
        String title,
        String ownerId) {
}
