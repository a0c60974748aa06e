package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a use-case slot, globally ({@code worldId} null) or for one world, served by a stable model
 * version. Its id is the slot key, {@link DeploymentIds#of}.
 */
public record CreateDeployment(@TargetAggregateIdentifier String deploymentId,
        UseCase useCase,
        String worldId,
        ModelRef stable,
        Actor actor) {
}
