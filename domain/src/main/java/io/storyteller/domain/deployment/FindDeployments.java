package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;

/** Lists the deployment slots, those of one world if {@code worldId} is set. Answers a list of {@link DeploymentView}. */
public record FindDeployments(String worldId,
        Actor viewer) {
}
