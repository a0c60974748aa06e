package io.storyteller.domain.world;

/** A world's spend limit was lifted. */
public record WorldBudgetCleared(String worldId,
        String clearedBy) {
}
