package io.storyteller.command.narration.failover;

import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.domain.healing.HealingOutcome;

/**
 * What the narration engine needs to fail over: whether it may, the world's house fallback, and
 * where failovers are noted.
 */
public record Failover(boolean enabled, HouseFallback house, FailoverLog log) {

    /** No failover: a turn whose narrators are all down fails. */
    public static Failover off() {
        return new Failover(false, worldId -> {
            throw new ModelUnavailableException("no house fallback");
        }, null);
    }

    public void note(String subject, HealingOutcome outcome, String detail) {
        if (log != null) {
            log.note(subject, outcome, detail);
        }
    }
}
