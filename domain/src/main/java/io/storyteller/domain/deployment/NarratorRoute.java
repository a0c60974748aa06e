package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** How to narrate in a world: the slot, its stable version and the rollout in progress, null when none. */
public record NarratorRoute(String deploymentId,
        ModelRef stable,
        RolloutRoute rollout) {
}
