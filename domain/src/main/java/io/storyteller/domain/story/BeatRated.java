package io.storyteller.domain.story;

/** A player rated a narration beat. */
public record BeatRated(String storyId,
        String beatId,
        int rating,
        String ratedBy) {
}
