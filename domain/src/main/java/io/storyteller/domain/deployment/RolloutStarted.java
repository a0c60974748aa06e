package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** A rollout began at step 0: in the shadow phase (weight 0) if its strategy has one, else the first canary step. */
public record RolloutStarted(String deploymentId,
        String rolloutId,
        ModelRef candidate,
        ModelRef stable,
        RolloutStrategy strategy,
        RolloutPhase phase,
        int step,
        int weight,
        String reason,
        String startedBy) {
}
