package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Promotes a rollout's candidate by hand, skipping the remaining steps, paused or not. */
public record PromoteRollout(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        String reason,
        Actor actor) {
}
