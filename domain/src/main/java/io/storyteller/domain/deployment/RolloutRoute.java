package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/**
 * A rollout as the router applies it: in SHADOW the candidate gets a mirrored call (weight 0),
 * recorded and never shown; in CANARY it serves {@code weight} percent of stories, sticky per
 * story. A paused rollout keeps its split. {@code step} is the position in the strategy's plan
 * (null when the answering read model does not know it).
 */
public record RolloutRoute(String rolloutId,
        ModelRef candidate,
        RolloutPhase phase,
        int weight,
        Integer step) {

    public RolloutRoute(String rolloutId, ModelRef candidate, RolloutPhase phase, int weight) {
        this(rolloutId, candidate, phase, weight, phase == RolloutPhase.SHADOW ? Integer.valueOf(0) : null);
    }
}
