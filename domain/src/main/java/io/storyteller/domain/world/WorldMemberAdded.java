package io.storyteller.domain.world;

/** A user became a member of a world. */
public record WorldMemberAdded(String worldId,
        String userId,
        WorldRole role,
        String addedBy) {
}
