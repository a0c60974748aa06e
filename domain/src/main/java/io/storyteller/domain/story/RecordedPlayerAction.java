package io.storyteller.domain.story;

import java.time.Instant;

/** A player action as recorded, with its world's name (null when the world is unknown) for a replay prompt. */
public record RecordedPlayerAction(String worldId,
        String worldName,
        String storyId,
        String actionBeatId,
        String text,
        Instant submittedAt) {
}
