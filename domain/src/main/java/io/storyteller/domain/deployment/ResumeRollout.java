package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a paused rollout go on from the step it stands at. */
public record ResumeRollout(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        Actor actor) {
}
