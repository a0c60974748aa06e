package io.storyteller.ops.processing;

import java.util.Collection;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * How much of a replay is done: a replaying segment's position against its position when it was
 * reset (where the replay ends), counted from the start of the log; the slowest segment speaks for
 * the processor.
 */
final class ReplayShare {

    private ReplayShare() {
    }

    /**
     * Whether the token is still a replay's: from its reset until it passes the position at the reset.
     * Not {@link ReplayToken#isReplay(TrackingToken)}, which says only whether the last event handled
     * was a replayed one (false for an event that fills a gap the token at the reset had).
     */
    static boolean replaying(TrackingToken token) {
        return token != null && WrappedToken.unwrap(token, ReplayToken.class).isPresent();
    }

    /** Between 0 and 1; null when the token is not replaying or its reset position is unknown. */
    static Double of(TrackingToken token) {
        if (!replaying(token)) {
            return null;
        }
        OptionalLong end = ReplayToken.getTokenAtReset(token);
        if (end.isEmpty()) {
            return null;
        }
        // Not token.position(): a replay from the start, before its first event, says 0 there, as if it had handled one.
        TrackingToken current = WrappedToken.unwrap(token, ReplayToken.class).map(ReplayToken::getCurrentToken).orElse(null);
        return of(current == null ? OptionalLong.empty() : current.position(), end);
    }

    /** The share of a replay done at {@code current} (empty: nothing handled yet) that ends at {@code end}. */
    static Double of(OptionalLong current, OptionalLong end) {
        if (end.isEmpty()) {
            return null;
        }
        long done = current.isPresent() ? current.getAsLong() + 1 : 0;
        return Math.clamp((double) done / (end.getAsLong() + 1), 0.0, 1.0);
    }

    /** The slowest of the replaying segments' shares; null when none replays. */
    static Double slowest(Collection<Double> shares) {
        return shares.stream().filter(Objects::nonNull).min(Double::compare).orElse(null);
    }
}
