package io.storyteller.domain.story;

/** A story ended. */
public record StoryEnded(String storyId,
        String endedBy) {
}
