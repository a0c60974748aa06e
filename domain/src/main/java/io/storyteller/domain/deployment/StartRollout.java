package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts rolling a candidate version out to a slot, by a strategy; at most one rollout per slot is
 * in progress. The deployment cannot see whether the candidate exists or is retired (that is
 * another aggregate's fact): whoever starts a rollout (the saga, the API) checks it first.
 */
public record StartRollout(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        ModelRef candidate,
        RolloutStrategy strategy,
        String reason,
        Actor actor) {
}
