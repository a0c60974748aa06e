package io.storyteller.domain.story;

/** A narration was recorded, as a new beat or as another alternative of a retried one. */
public record NarrationRecorded(String storyId,
        String worldId,
        String requestId,
        String actionBeatId,
        String narrationBeatId,
        int alternativeIndex,
        String text,
        NarrationProvenance provenance) {
}
