package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** A rollout was stopped by hand. */
public record RolloutAborted(String deploymentId,
        String rolloutId,
        ModelRef candidate,
        String reason,
        String abortedBy) {
}
