package io.storyteller.domain.healing;

/** What the platform did to heal itself. */
public enum HealingKind {
    /** A turn whose narrator's provider was down was narrated by another arm, or by the world's house narrator. */
    FAILOVER,
    /** A dead-lettered sequence was handled again once its backoff had passed. */
    DEAD_LETTER_RETRY,
    /** A dead-lettered sequence reached the retry cap and is left to operators. */
    DEAD_LETTER_GIVEN_UP,
    /** A streaming processor stuck in error, or stopped while it should run, was shut down and started again. */
    PROCESSOR_RESTART
}
