package io.storyteller.domain.processing;

/**
 * One segment of a streaming processor, as its token says and, when this instance claims it, as
 * its tracker says.
 *
 * @param mask        the segment's mask: it handles the sequences whose hash {@code & mask == segmentId}
 * @param owner       the node holding its claim (null: unclaimed)
 * @param claimedHere whether this instance processes it (its error is known only then)
 * @param position    the position of its token (as last stored, when another node claims it); null when unknown
 * @param replaying   whether it replays after a reset (until it handles an event newer than the reset)
 * @param replayProgress during a replay, the share of it done (0..1), counted from the start of the log
 */
public record ProcessorSegment(int segmentId,
        int mask,
        String owner,
        boolean claimedHere,
        Long position,
        boolean replaying,
        Double replayProgress,
        String error) {
}
