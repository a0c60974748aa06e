package io.storyteller.domain.world;

/** A world's settings were replaced. */
public record WorldSettingsChanged(String worldId,
        WorldSettings settings,
        String changedBy) {
}
