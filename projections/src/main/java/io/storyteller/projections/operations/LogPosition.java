package io.storyteller.projections.operations;

import org.axonframework.eventhandling.TrackingToken;

/** An event's place in the log, from the token it was delivered with: the logs' key and paging cursor. */
final class LogPosition {

    private LogPosition() {
    }

    static long of(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            // only a tracking processor delivers these events; its tokens (JDBC's and Axon Server's) always have one
            throw new IllegalStateException("an operations log event was delivered without its place in the log");
        }
        return token.position().getAsLong();
    }
}
