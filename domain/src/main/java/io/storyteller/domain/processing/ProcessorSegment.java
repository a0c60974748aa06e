package io.storyteller.domain.processing;

/**
 * One segment of a streaming processor, as its token says and, when this instance claims it, as
 * its tracker says.
 *
 * @param mask        the segment's mask: it handles the sequences whose hash {@code & mask == segmentId}
 * @param owner       the node holding its claim (null: unclaimed)
 * @param claimedHere whether this instance processes it; position, replaying and error are known only then
 * @param position    the position of its token, null when unknown here
 */
public record ProcessorSegment(int segmentId,
        int mask,
        String owner,
        boolean claimedHere,
        Long position,
        boolean replaying,
        String error) {
}
