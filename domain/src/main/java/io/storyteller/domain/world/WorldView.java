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
        Instant updatedAt,
        NarrationPolicy narrationPolicy) {

    /** A world under the default narration policy. */
    public WorldView(String worldId, WorldSettings settings, String ownerId, boolean archived,
            List<WorldMemberView> members, Instant createdAt, Instant updatedAt) {
        this(worldId, settings, ownerId, archived, members, createdAt, updatedAt, NarrationPolicy.defaults());
    }
}
