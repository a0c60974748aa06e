package io.storyteller.domain.deployment;

import io.storyteller.domain.model.UseCase;

/** The key of a use-case slot, which is its deployment's id: {@code narrator:global}, {@code narrator:world:w1}. */
public final class DeploymentIds {

    private DeploymentIds() {
    }

    /** The slot of a use case in one world, or the global slot when {@code worldId} is null. */
    public static String of(UseCase useCase, String worldId) {
        return worldId == null ? useCase.key() + ":global" : useCase.key() + ":world:" + worldId;
    }
}
