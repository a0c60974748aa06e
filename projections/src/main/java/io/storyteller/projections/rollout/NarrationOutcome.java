package io.storyteller.projections.rollout;

import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.StageVerdict;
import java.time.Instant;

/**
 * One routed narration call as {@code narration_outcomes} keeps it. Failures carry no latency or
 * tokens (the call produced none); shadow calls and failures make no beat.
 */
record NarrationOutcome(String eventId,
        String storyId,
        String requestId,
        String beatId,
        Integer alternativeIndex,
        String deploymentId,
        String rolloutId,
        Integer rolloutStep,
        NarrationArm arm,
        String model,
        String modelVersion,
        long latencyMillis,
        int promptTokens,
        int completionTokens,
        boolean failed,
        boolean guardrailBlocked,
        double detectorScore,
        Double reviewScore,
        Instant occurredAt,
        String stage) {

    static NarrationOutcome of(String eventId, String storyId, String requestId, String beatId, Integer alternativeIndex,
                               NarrationProvenance provenance, boolean failed, Instant at) {
        return new NarrationOutcome(eventId, storyId, requestId, beatId, alternativeIndex, provenance.deploymentId(),
                provenance.rolloutId(), provenance.rolloutStep(), provenance.arm(), provenance.model(),
                provenance.modelVersion(), provenance.latencyMillis(), provenance.promptTokens(),
                provenance.completionTokens(), failed, false, 0, null, at, null);
    }

    /**
     * One judged candidate of a turn: its own route, model and cost, whether the guardrail refused
     * it, its detector score and its review total. Only the chosen one names the beat.
     */
    static NarrationOutcome candidate(String eventId, String storyId, String requestId, String beatId,
                                      Integer alternativeIndex, CandidateReport candidate, Instant at) {
        boolean chosen = candidate.outcome() == CandidateOutcome.CHOSEN || candidate.outcome() == CandidateOutcome.CHOSEN_REDACTED;
        CandidateScores scores = candidate.scores();
        return new NarrationOutcome(eventId + "#" + candidate.index(), storyId, requestId, chosen ? beatId : null,
                chosen ? alternativeIndex : null, candidate.deploymentId(), candidate.rolloutId(), candidate.rolloutStep(),
                candidate.arm(), candidate.model(), candidate.modelVersion(), candidate.latencyMillis(),
                candidate.promptTokens(), candidate.completionTokens(), candidate.outcome() == CandidateOutcome.FAILED,
                candidate.outcome() == CandidateOutcome.BLOCKED || candidate.outcome() == CandidateOutcome.CHOSEN_REDACTED,
                scores == null || scores.detector() == null ? 0 : scores.detector(),
                scores == null ? null : scores.total(), at, null);
    }

    static NarrationOutcome failure(String eventId, String storyId, String requestId, NarrationRoute route, String model,
                                    Instant at) {
        return new NarrationOutcome(eventId, storyId, requestId, null, null, route.deploymentId(), route.rolloutId(),
                route.rolloutStep(), route.arm(), model, null, 0, 0, 0, true, false, 0, null, at, null);
    }

    /**
     * One routed judge-stage call on a candidate, under the stage's deployment: the arm and version
     * that judged, its latency, whether it failed, and its own verdict. It names the beat when the
     * candidate became it (a mirrored call too: it judged that very text), so the player's rating
     * of the beat reaches every version that judged it; it has no tokens, so no cost.
     */
    static NarrationOutcome stage(String eventId, String storyId, String requestId, String beatId,
                                  Integer alternativeIndex, CandidateReport candidate, StageVerdict call, Instant at) {
        boolean chosen = candidate.outcome() == CandidateOutcome.CHOSEN || candidate.outcome() == CandidateOutcome.CHOSEN_REDACTED;
        return new NarrationOutcome(eventId + "#" + candidate.index() + "/" + call.stage().key() + "/" + call.arm(),
                storyId, requestId, chosen ? beatId : null, chosen ? alternativeIndex : null, call.deploymentId(),
                call.rolloutId(), call.rolloutStep(), call.arm(), call.model(), call.modelVersion(), call.latencyMillis(),
                0, 0, call.failed(), Boolean.TRUE.equals(call.guardrailBlocked()),
                call.detectorScore() == null ? 0 : call.detectorScore(), call.reviewScore(), at, call.stage().key());
    }
}
