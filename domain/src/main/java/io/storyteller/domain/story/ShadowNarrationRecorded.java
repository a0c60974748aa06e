package io.storyteller.domain.story;

/** A shadow candidate's answer (or failure) to a narration request; never part of the story. */
public record ShadowNarrationRecorded(String storyId,
        String worldId,
        String requestId,
        String actionBeatId,
        String text,
        String failureReason,
        NarrationProvenance provenance) {
}
