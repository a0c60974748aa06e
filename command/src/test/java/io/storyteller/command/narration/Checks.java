package io.storyteller.command.narration;

import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.ContinuityFindings;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.TextDetector;
import io.storyteller.domain.story.HarmVerdict;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Candidate checks for engine tests that are about something else: every candidate passes, scored alike. */
final class Checks {

    static final HarmGuard ALLOWING = (worldId, rating, text, source) ->
            new HarmVerdict("test:guard", "1", Map.of(), true, List.of());

    private Checks() {
    }

    static CandidateJudge passing() {
        return judging(ALLOWING);
    }

    /** Every candidate passes review and detection; the guard decides. */
    static CandidateJudge judging(HarmGuard guard) {
        return new CandidateJudge((ground, candidate) -> new ContinuityFindings(List.of(), List.of()),
                (ground, candidates) -> {
                    double[] scores = new double[candidates.size()];
                    Arrays.fill(scores, 0.5);
                    return scores;
                },
                (worldId, text) -> new TextDetector.DetectorReading(0.1, "test:detector", "1"), guard);
    }
}
