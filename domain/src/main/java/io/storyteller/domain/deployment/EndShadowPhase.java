package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a rollout's shadow phase without waiting for a passing analysis: the rollout advances to
 * its first canary step, as an ADVANCE verdict would have moved it.
 */
public record EndShadowPhase(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        Actor actor) {
}
