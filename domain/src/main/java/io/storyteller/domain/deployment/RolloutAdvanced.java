package io.storyteller.domain.deployment;

/** A rollout moved to its next step, always a canary step, where the candidate serves {@code weight} percent. */
public record RolloutAdvanced(String deploymentId,
        String rolloutId,
        int step,
        int weight,
        String advancedBy) {
}
