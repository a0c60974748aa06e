package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * Splits a segment of a streaming processor in two, so that one more thread or node can share its
 * work. Platform admins only; answers {@link SegmentChange}.
 */
public record SplitSegment(String name,
        int segmentId,
        Actor actor) {
}
