package io.storyteller.domain.deployment;

/**
 * Asks which deployment narrates in a world (its own slot, else the global one, see
 * {@link SlotResolution}) and how its calls are split. Answers {@link NarratorRoute}, null when no
 * narrator slot serves.
 */
public record FindNarratorRoute(String worldId) {
}
