package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * Records what an operator did to the running platform (reset a processor, split a segment, retry or
 * evict dead letters, rebuild the search indexes) and how it ended. The operator is the actor; the
 * record names what was done and to what, never a secret. Platform admins and the platform only.
 *
 * @param actionId  a fresh id for this record
 * @param action    what was done, e.g. {@code resetProcessor}
 * @param target    what it was done to, e.g. the processor's name
 * @param outcome   how it ended, in a sentence
 * @param succeeded whether it did what was asked
 */
public record RecordOperatorAction(String actionId,
        String action,
        String target,
        String outcome,
        boolean succeeded,
        Actor actor) {
}
