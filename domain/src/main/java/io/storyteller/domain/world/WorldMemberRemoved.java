package io.storyteller.domain.world;

/** A user stopped being a member of a world. */
public record WorldMemberRemoved(String worldId,
        String userId,
        String removedBy) {
}
