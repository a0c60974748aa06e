package io.storyteller.command.narration.pipeline;

/** The reviewer deployment's score of a candidate in [0, 1]; null when no reviewer serves the world or it gave none. */
@FunctionalInterface
public interface Reviewer {

    Double score(TurnGround ground, String candidate);

    /** The score with the routed calls that gave it (the mirrored one of a shadow phase included). Unrouted by default. */
    default StageOutcome<Double> judge(TurnGround ground, String candidate) {
        return StageOutcome.unrouted(score(ground, candidate));
    }
}
