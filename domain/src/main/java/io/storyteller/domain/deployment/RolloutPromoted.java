package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** The candidate became the slot's stable model, after its last step passed or by hand. */
public record RolloutPromoted(String deploymentId,
        String rolloutId,
        ModelRef newStable,
        ModelRef previousStable,
        String reason,
        String promotedBy) {
}
