package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds a rollout at its step: traffic keeps its split, analyses and the end of the shadow phase
 * are refused until it resumes; it may still be promoted or aborted. The reason is optional.
 */
public record PauseRollout(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        String reason,
        Actor actor) {
}
