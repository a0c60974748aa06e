package io.storyteller.ops.processing;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;

/**
 * How much of a replay is done: for each replaying segment its position against the position it
 * was at when reset (where the replay ends), counted from the start of the log; the slowest
 * segment speaks for the processor.
 */
final class ReplayShare {

    private ReplayShare() {
    }

    /** Between 0 and 1; null when no segment replays, or a replaying segment's positions are unknown. */
    static Double of(Collection<EventTrackerStatus> segments) {
        Double slowest = null;
        for (EventTrackerStatus segment : segments) {
            if (!segment.isReplaying()) {
                continue;
            }
            OptionalLong current = segment.getCurrentPosition();
            OptionalLong end = segment.getResetPosition();
            if (current.isEmpty() || end.isEmpty()) {
                return null;
            }
            double share = end.getAsLong() <= 0 ? 1.0 : Math.clamp((double) (current.getAsLong() + 1) / (end.getAsLong() + 1), 0.0, 1.0);
            slowest = slowest == null ? share : Math.min(slowest, share);
        }
        return slowest;
    }
}
