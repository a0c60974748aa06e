package io.storyteller.domain.world;

/** A world was archived. */
public record WorldArchived(String worldId,
        String archivedBy) {
}
