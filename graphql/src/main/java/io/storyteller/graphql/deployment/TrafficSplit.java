package io.storyteller.graphql.deployment;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.model.ModelRef;

/**
 * How a slot's calls are split now, in percent: the canary serves its step's weight, the stable
 * model the rest; in the shadow phase the stable serves all and the candidate gets mirrored calls.
 */
public record TrafficSplit(int stableWeight, int canaryWeight, boolean shadowMirrored, ModelRef candidate) {

    public static TrafficSplit of(DeploymentView deployment) {
        RolloutProgress rollout = deployment.rollout();
        if (rollout == null) {
            return new TrafficSplit(100, 0, false, null);
        }
        int canary = rollout.phase() == RolloutPhase.CANARY ? rollout.weight() : 0;
        return new TrafficSplit(100 - canary, canary, rollout.phase() == RolloutPhase.SHADOW, rollout.candidate());
    }
}
