package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * One dead letter with its event's payload, metadata, cause and diagnostics: the sequence's first
 * (the one that blocks it), or the one at {@code index}. Answers a {@link DeadLetterDetail}, or
 * nothing to anyone but platform admins and the platform (payloads may hold player text).
 */
public record FindDeadLetter(String processingGroup,
        String sequence,
        Long index,
        Actor viewer) {
}
