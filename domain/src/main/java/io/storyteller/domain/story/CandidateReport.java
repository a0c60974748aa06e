package io.storyteller.domain.story;

/**
 * One candidate of a turn, as the narration pipeline judged it: which deployment, arm and model
 * version wrote it in which round, what it wrote (null when it failed), its cost, every check's
 * verdict, and what became of it.
 *
 * @param index   the candidate's position in the turn, from 0, across rounds
 * @param round   the generation round, from 1; a later round regenerated with feedback
 * @param deploymentId the deployment that routed it, with its arm, rollout and step; all null outside deployments
 * @param failure why no text came (timeout, provider error, past the deadline), null when it answered
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
        CandidateOutcome outcome) {
}
