package io.storyteller.domain.story;

/** The pinned memory changed. */
public record PinnedMemorySet(String storyId,
        String memory,
        String setBy) {
}
