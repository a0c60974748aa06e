package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * Merges a segment of a streaming processor with its sibling (the one it was split from), so that
 * fewer segments share the work. Platform admins only; answers {@link SegmentChange}.
 */
public record MergeSegment(String name,
        int segmentId,
        Actor actor) {
}
