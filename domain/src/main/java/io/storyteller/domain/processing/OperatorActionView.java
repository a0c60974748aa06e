package io.storyteller.domain.processing;

import java.time.Instant;

/**
 * A recorded operator action.
 *
 * @param globalIndex its place in the event log (a paging cursor)
 */
public record OperatorActionView(long globalIndex,
        String actionId,
        String operatorId,
        String action,
        String target,
        String outcome,
        boolean succeeded,
        Instant at) {
}
