package io.storyteller.domain.story;

import io.storyteller.domain.model.UseCase;

/**
 * One routed call of a judge stage (detector, guardrail, reviewer) on a candidate: which deployment,
 * arm, rollout step and model version judged it, how long that took, whether it failed, and its
 * verdict. The STABLE or CANARY arm decided; a SHADOW call ran on the same candidate beside it in a
 * rollout's shadow phase, recorded and never deciding.
 *
 * @param detectorScore    the detector's score (0 human-like .. 1 machine-like), null for other stages or a failure
 * @param guardrailBlocked whether the guardrail refused the candidate at the world's rating, null for other stages or a failure
 * @param reviewScore      the reviewer's score in [0, 1], null for other stages or when it gave none
 */
public record StageVerdict(UseCase stage,
        String deploymentId,
        NarrationArm arm,
        String rolloutId,
        Integer rolloutStep,
        String model,
        String modelVersion,
        long latencyMillis,
        boolean failed,
        Double detectorScore,
        Boolean guardrailBlocked,
        Double reviewScore) {

    /** A call that gave no verdict. */
    public static StageVerdict failed(UseCase stage, NarrationRoute route, String model, String modelVersion,
            long latencyMillis) {
        return new StageVerdict(stage, route.deploymentId(), route.arm(), route.rolloutId(), route.rolloutStep(), model,
                modelVersion, latencyMillis, true, null, null, null);
    }

    public StageVerdict scored(double score) {
        return new StageVerdict(stage, deploymentId, arm, rolloutId, rolloutStep, model, modelVersion, latencyMillis,
                false, score, null, null);
    }

    public StageVerdict blocked(boolean blocked) {
        return new StageVerdict(stage, deploymentId, arm, rolloutId, rolloutStep, model, modelVersion, latencyMillis,
                false, null, blocked, null);
    }

    public StageVerdict reviewed(double score) {
        return new StageVerdict(stage, deploymentId, arm, rolloutId, rolloutStep, model, modelVersion, latencyMillis,
                false, null, null, score);
    }

    /** Whether its verdict was recorded and never decided. */
    public boolean mirrored() {
        return arm == NarrationArm.SHADOW;
    }
}
