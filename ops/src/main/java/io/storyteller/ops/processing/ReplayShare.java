package io.storyteller.ops.processing;

import java.util.Collection;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How much of a replay is done: a replaying segment's position against its position when it was
 * reset (where the replay ends), counted from the start of the log; the slowest segment speaks for
 * the processor.
 */
final class ReplayShare {

    private ReplayShare() {
    }

    /** Between 0 and 1; null when the token is not replaying or its reset position is unknown. */
    static Double of(TrackingToken token) {
        if (!ReplayToken.isReplay(token)) {
            return null;
        }
        OptionalLong end = ReplayToken.getTokenAtReset(token);
        if (end.isEmpty()) {
            return null;
        }
        OptionalLong current = token.position();
        long done = current.isPresent() ? current.getAsLong() + 1 : 0;
        return Math.clamp((double) done / (end.getAsLong() + 1), 0.0, 1.0);
    }

    /** The slowest of the replaying segments' shares; null when none replays. */
    static Double slowest(Collection<Double> shares) {
        return shares.stream().filter(Objects::nonNull).min(Double::compare).orElse(null);
    }
}
