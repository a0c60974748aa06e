package io.storyteller.command.narration.pipeline;

/** The reviewer deployment's score of a candidate in [0, 1]; null when no reviewer serves the world or it gave none. */
@FunctionalInterface
public interface Reviewer {

    Double score(TurnGround ground, String candidate);
}
