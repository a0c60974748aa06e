package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * Handles a processing group's dead letters again, one sequence at a time, each in the order its
 * events happened. A sequence whose events all succeed leaves the queue; one that fails again
 * stays, marked as tried. Platform admins and the platform may ask; answers {@link DeadLetterRetry}.
 */
public record RetryDeadLetters(String processingGroup,
        Actor actor) {
}
