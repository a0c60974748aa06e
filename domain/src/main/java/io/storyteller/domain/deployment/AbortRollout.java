package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a rollout by hand, paused or not; the stable model serves alone again. */
public record AbortRollout(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        String reason,
        Actor actor) {
}
