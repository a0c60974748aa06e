package io.storyteller.domain.story;

import java.math.BigDecimal;
import java.util.List;

/**
 * One candidate of a turn, as the narration pipeline judged it: which deployment, arm and model
 * version wrote it in which round, what it wrote (null when it failed), its cost, every check's
 * verdict, and what became of it.
 *
 * @param index   the candidate's position in the turn, from 0, across rounds
 * @param round   the generation round, from 1; a later round regenerated with feedback
 * @param deploymentId the deployment that routed it, with its arm, rollout and step; all null outside deployments
 * @param failure why no text came (timeout, provider error, past the deadline), null when it answered
 * @param stages  the routed judge-stage calls on it (detector, guardrail, reviewer deployments), deciding and
 *                mirrored; empty for a failed candidate, outside stage deployments and in reports recorded before
 * @param costUsd what its tokens cost at the model's registered price when it was generated (0 in house);
 *                null in reports recorded before costs were (then it is priced when read)
 */
public record CandidateReport(int index,
        int round,
        String deploymentId,
        NarrationArm arm,
        String rolloutId,
        Integer rolloutStep,
        String model,
        String modelVersion,
        String text,
        String failure,
        long latencyMillis,
        int promptTokens,
        int completionTokens,
        CandidateScores scores,
        CandidateOutcome outcome,
        List<StageVerdict> stages,
        BigDecimal costUsd) {

    public CandidateReport {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A candidate not (yet) priced. */
    public CandidateReport(int index, int round, String deploymentId, NarrationArm arm, String rolloutId,
            Integer rolloutStep, String model, String modelVersion, String text, String failure, long latencyMillis,
            int promptTokens, int completionTokens, CandidateScores scores, CandidateOutcome outcome,
            List<StageVerdict> stages) {
        this(index, round, deploymentId, arm, rolloutId, rolloutStep, model, modelVersion, text, failure, latencyMillis,
                promptTokens, completionTokens, scores, outcome, stages, null);
    }

    /** The same candidate at the given cost. */
    public CandidateReport priced(BigDecimal cost) {
        return new CandidateReport(index, round, deploymentId, arm, rolloutId, rolloutStep, model, modelVersion, text,
                failure, latencyMillis, promptTokens, completionTokens, scores, outcome, stages, cost);
    }

    /** A candidate no stage deployment judged. */
    public CandidateReport(int index, int round, String deploymentId, NarrationArm arm, String rolloutId,
            Integer rolloutStep, String model, String modelVersion, String text, String failure, long latencyMillis,
            int promptTokens, int completionTokens, CandidateScores scores, CandidateOutcome outcome) {
        this(index, round, deploymentId, arm, rolloutId, rolloutStep, model, modelVersion, text, failure, latencyMillis,
                promptTokens, completionTokens, scores, outcome, List.of());
    }
}
