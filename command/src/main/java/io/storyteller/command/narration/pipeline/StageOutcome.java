package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.StageVerdict;
import java.util.List;

/**
 * A judge stage's answer on one candidate: the deciding verdict (null when the stage gave none) and
 * the routed calls that made it, the mirrored one of a shadow phase included. No calls when no
 * deployment routed the stage (the house default judged).
 */
public record StageOutcome<T>(T verdict, List<StageVerdict> calls) {

    public StageOutcome {
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    /** A verdict of the house default, outside any deployment. */
    public static <T> StageOutcome<T> unrouted(T verdict) {
        return new StageOutcome<>(verdict, List.of());
    }
}
