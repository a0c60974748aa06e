package io.storyteller.domain.deployment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What a slot remembers of the paid-model auto-switch: the candidates it took up and those it
 * decided on, each once, and the rules for taking one up. Part of the {@link Deployment}'s state
 * (and snapshot).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class AutoSwitchMemory {

    /** Candidates (labels) taken up: each is considered once. */
    private final Set<String> considered = new HashSet<>();
    /** Candidates (labels) decided on: each is decided once. */
    private final Set<String> decided = new HashSet<>();

    /**
     * Refuses a candidate this slot does not qualify for: it is not the narrator slot of the world
     * asked about, its stable model is of another provider, or it was created after the discovery
     * ({@code createdAt} null, from an older snapshot, qualifies). Answers the world (null: global).
     */
    static String requireQualifyingSlot(String deploymentId, ModelRef stable, Instant createdAt, ConsiderAutoSwitch command,
                                        ModelRef candidate, String provider, Instant discoveredAt) {
        String worldId = command.worldId() == null || command.worldId().isBlank() ? null : command.worldId();
        if (!DeploymentIds.of(UseCase.NARRATOR, worldId).equals(deploymentId)) {
            throw DomainRejection.conflict("deploymentId", "narrator-slot",
                    deploymentId + " is not the narrator slot of " + (worldId == null ? "all worlds" : "world " + worldId));
        }
        if (!stable.modelId().startsWith(provider + ":")) {
            throw DomainRejection.conflict("provider", "stable-provider",
                    deploymentId + " is served by " + stable.label() + ", not by a model of " + provider);
        }
        if (createdAt != null && !discoveredAt.isAfter(createdAt)) {
            throw DomainRejection.conflict("discoveredAt", "after-slot-created",
                    candidate.label() + " was known when " + deploymentId + " was created");
        }
        return worldId;
    }

    void requireNotConsidered(String deploymentId, ModelRef candidate) {
        if (considered.contains(candidate.label()) || decided.contains(candidate.label())) {
            throw DomainRejection.conflict("candidate", "considered-once", deploymentId + " has already considered " + candidate.label());
        }
    }

    void requireUndecided(String deploymentId, ModelRef candidate) {
        if (decided.contains(candidate.label())) {
            throw DomainRejection.conflict("candidate", "decided-once", deploymentId + " has already decided on " + candidate.label());
        }
    }

    void considered(ModelRef candidate) {
        considered.add(candidate.label());
    }

    void decided(ModelRef candidate) {
        decided.add(candidate.label());
    }
}
