package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;

/** A use-case slot opened; {@code worldId} is null for the global slot. */
public record DeploymentCreated(String deploymentId,
        UseCase useCase,
        String worldId,
        ModelRef stable,
        String createdBy) {
}
