package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/**
 * A rollout as the router applies it: in SHADOW the candidate gets a mirrored call (weight 0),
 * recorded and never shown; in CANARY it serves {@code weight} percent of stories, sticky per
 * story. A paused rollout keeps its split.
 */
public record RolloutRoute(String rolloutId,
        ModelRef candidate,
        RolloutPhase phase,
        int weight) {
}
