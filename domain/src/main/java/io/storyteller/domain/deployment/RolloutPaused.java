package io.storyteller.domain.deployment;

/** A rollout was paused; the reason is empty when none was given. */
public record RolloutPaused(String deploymentId,
        String rolloutId,
        String reason,
        String pausedBy) {
}
