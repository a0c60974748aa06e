package io.storyteller.ops.instances;

import java.util.Map;
import java.util.Set;

/**
 * How many of a processor's segments an instance gives up so that every live instance running the
 * processor gets its share: the fair share is the segments divided by those instances, rounded up.
 * An instance above it releases what it holds beyond it, but never more than the others lack (when
 * every other one has its share already, moving a segment would only pause it). Pure.
 */
final class SegmentShare {

    private SegmentShare() {
    }

    static int fair(int segments, int instances) {
        return instances == 0 ? segments : (segments + instances - 1) / instances;
    }

    /**
     * @param me        this instance
     * @param segments  the processor's segments in all
     * @param claimed   claimed segments by owner (an owner may be gone)
     * @param running   the live instances that run the processor, this one among them
     */
    static int toRelease(String me, int segments, Map<String, Integer> claimed, Set<String> running) {
        if (running.size() < 2 || !running.contains(me)) {
            return 0;
        }
        int fair = fair(segments, running.size());
        int mine = claimed.getOrDefault(me, 0);
        if (mine <= fair) {
            return 0;
        }
        int lacking = 0;
        for (String other : running) {
            if (!other.equals(me)) {
                lacking += Math.max(0, fair - claimed.getOrDefault(other, 0));
            }
        }
        return Math.min(mine - fair, lacking);
    }
}
