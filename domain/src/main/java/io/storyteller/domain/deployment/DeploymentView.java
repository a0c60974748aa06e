package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Instant;

/** A slot as its readers see it; {@code rollout} is null when none is in progress. */
public record DeploymentView(String deploymentId,
        UseCase useCase,
        String worldId,
        ModelRef stable,
        RolloutProgress rollout,
        Instant createdAt,
        Instant updatedAt) {
}
