package io.storyteller.domain.world;

/** A member's role changed. */
public record WorldMemberRoleChanged(String worldId,
        String userId,
        WorldRole role,
        String changedBy) {
}
