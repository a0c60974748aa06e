package io.storyteller.domain.story;

import java.time.Instant;
import java.util.List;

/** A story as its readers see it. */
public record StoryView(String storyId,
        String worldId,
        String title,
        String ownerId,
        List<String> participants,
        StoryStatus status,
        String authorsNote,
        String pinnedMemory,
        int beatCount,
        boolean narrationPending,
        Instant startedAt,
        Instant updatedAt) {
}
