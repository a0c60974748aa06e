package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Serves a slot with another model version at once, without a rollout; only while none is in progress. */
public record ReplaceStableModel(@TargetAggregateIdentifier String deploymentId,
        ModelRef stable,
        String reason,
        Actor actor) {
}
