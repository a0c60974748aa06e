package io.storyteller.domain.deployment;

import io.storyteller.domain.model.UseCase;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Which deployment serves a use case in a world: the world's own slot where it has one, else the global slot. */
public final class SlotResolution {

    private SlotResolution() {
    }

    /** The slots that may serve, the one that wins first; outside any world only the global slot. */
    public static List<String> candidates(UseCase useCase, String worldId) {
        return worldId == null
                ? List.of(DeploymentIds.of(useCase, null))
                : List.of(DeploymentIds.of(useCase, worldId), DeploymentIds.of(useCase, null));
    }

    /** The first candidate that is deployed; empty when neither slot is. */
    public static Optional<String> resolve(UseCase useCase, String worldId, Predicate<String> deployed) {
        return candidates(useCase, worldId).stream().filter(deployed).findFirst();
    }
}
