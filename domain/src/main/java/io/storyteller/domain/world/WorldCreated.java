package io.storyteller.domain.world;

/** A world came into being with its owner. */
public record WorldCreated(String worldId,
        WorldSettings settings,
        String ownerId) {
}
