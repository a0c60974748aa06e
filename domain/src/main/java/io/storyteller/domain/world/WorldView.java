package io.storyteller.domain.world;

import java.time.Instant;
import java.util.List;

/** A world as its readers see it. */
public record WorldView(String worldId,
        WorldSettings settings,
        String ownerId,
        boolean archived,
        List<WorldMemberView> members,
        Instant createdAt,
        Instant updatedAt) {
}
