package io.storyteller.domain.healing;

/**
 * The platform healed itself, or tried to. When is the event's own timestamp.
 *
 * @param occurrences how many times it happened since the last record of the same subject; 1 when absent
 */
public record HealingActionRecorded(String actionId,
        HealingKind kind,
        String subject,
        String detail,
        HealingOutcome outcome,
        int occurrences) {

    public HealingActionRecorded {
        occurrences = Math.max(1, occurrences);
    }
}
