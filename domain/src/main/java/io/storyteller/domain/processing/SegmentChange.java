package io.storyteller.domain.processing;

import java.util.List;

/**
 * What a split or merge of a segment achieved.
 *
 * @param change    {@code SPLIT} or {@code MERGE}
 * @param succeeded whether the processor carried it out (it may not, e.g. when another node holds the segment)
 * @param segments  the processor's segments afterwards
 */
public record SegmentChange(String name,
        int segmentId,
        String change,
        boolean succeeded,
        List<ProcessorSegment> segments) {

    public SegmentChange {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
