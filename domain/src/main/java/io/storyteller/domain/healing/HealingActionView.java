package io.storyteller.domain.healing;

import java.time.Instant;

/**
 * A recorded healing action.
 *
 * @param globalIndex its place in the event log (a paging cursor)
 */
public record HealingActionView(long globalIndex,
        String actionId,
        HealingKind kind,
        String subject,
        String detail,
        HealingOutcome outcome,
        int occurrences,
        Instant at) {
}
