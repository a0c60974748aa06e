package io.storyteller.command.narration.pipeline;

import java.util.List;

/** How well each candidate follows from the turn's context, each in [0, 1]. */
@FunctionalInterface
public interface Coherence {

    double[] scores(TurnGround ground, List<String> candidates);
}
