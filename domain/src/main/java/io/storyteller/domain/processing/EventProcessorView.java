package io.storyteller.domain.processing;

import java.util.List;

/**
 * An event processor as an operator sees it.
 *
 * @param supportsReset       whether it may be reset and replay (a saga's processor may not)
 * @param position            the lowest position of its segments' tokens (-1: one has handled nothing yet)
 * @param lag                 events between that position and the head of the log
 * @param replaying           whether a segment of it is replaying after a reset
 * @param replayProgress      during a replay, the share of it done (0..1) when known; null otherwise
 * @param error               the type of the latest error of a segment in error; null when none is
 * @param deadLetterSequences sequences parked in its dead-letter queue
 */
public record EventProcessorView(String name,
        boolean running,
        boolean supportsReset,
        List<ProcessorSegment> segments,
        long position,
        long head,
        long lag,
        boolean replaying,
        Double replayProgress,
        String error,
        long deadLetterSequences) {

    public EventProcessorView {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
