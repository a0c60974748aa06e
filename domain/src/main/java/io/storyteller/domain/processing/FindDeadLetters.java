package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * The dead letters of one processing group (or of all, when {@code processingGroup} is null), oldest
 * first, at most {@code limit}. Answers a list of {@link DeadLetterView}; empty to anyone but
 * platform admins and the platform.
 */
public record FindDeadLetters(String processingGroup,
        int limit,
        Actor viewer) {
}
