package io.storyteller.domain.healing;

import io.storyteller.domain.shared.Actor;

/**
 * Records what the platform did on its own to heal itself, and how it ended. Only the platform
 * records these (never a person, so that the log cannot be forged); the text names what was healed,
 * never a secret, a prompt or a player's text.
 *
 * @param actionId    a fresh id for this record (or one derived from what it records, so that it is recorded once)
 * @param subject     what was healed: a narrator source, a processing group and sequence, a processor
 * @param detail      what was done, in a sentence
 * @param occurrences how many times it happened since the last record of the same subject (a failover
 *                    during an outage is recorded once per window with a count); at least 1
 */
public record RecordHealingAction(String actionId,
        HealingKind kind,
        String subject,
        String detail,
        HealingOutcome outcome,
        int occurrences,
        Actor actor) {
}
