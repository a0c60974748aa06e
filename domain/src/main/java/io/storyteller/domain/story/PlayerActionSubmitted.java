package io.storyteller.domain.story;

/** A player acted; a narration is now pending. */
public record PlayerActionSubmitted(String storyId,
        String worldId,
        String actionBeatId,
        String playerId,
        String text) {
}
