package io.storyteller.command.narration.pipeline;

/** Finds where a candidate contradicts the story's facts or the world's lore. */
@FunctionalInterface
public interface ContinuityReview {

    ContinuityFindings check(TurnGround ground, String candidate);
}
