package io.storyteller.domain.deployment;

/** A paused rollout resumed. */
public record RolloutResumed(String deploymentId,
        String rolloutId,
        String resumedBy) {
}
