package io.storyteller.domain.deployment;

import io.storyteller.domain.model.UseCase;

/**
 * Asks which deployment serves a use case in a world (its own slot, else the global one, see
 * {@link SlotResolution}) and its stable version and rollout. Answers {@link NarratorRoute} —
 * the same shape for every use case — or null when no slot serves.
 */
public record FindSlotRoute(UseCase useCase, String worldId) {
}
