package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * Removes one sequence's dead letters from the queue without handling them: the read model never
 * hears of those events (until a replay). Platform admins only; answers {@link DeadLetterEviction}.
 */
public record EvictDeadLetterSequence(String processingGroup,
        String sequence,
        Actor actor) {
}
