package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** A gate failed and the candidate was withdrawn; the stable model serves alone again. */
public record RolloutRolledBack(String deploymentId,
        String rolloutId,
        ModelRef candidate,
        String reason,
        String rolledBackBy) {
}
