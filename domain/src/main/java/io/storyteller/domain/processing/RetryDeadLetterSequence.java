package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * Handles one sequence's dead letters again, in the order its events happened; if all succeed the
 * sequence leaves the queue. Platform admins and the platform; answers {@link DeadLetterRetry}.
 */
public record RetryDeadLetterSequence(String processingGroup,
        String sequence,
        Actor actor) {
}
