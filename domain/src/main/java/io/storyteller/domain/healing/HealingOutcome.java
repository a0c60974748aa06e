package io.storyteller.domain.healing;

/** How a healing action ended; a bounded set, so that it can label a metric. */
public enum HealingOutcome {
    /** It worked: the turn was narrated, the sequence handled, the processor runs. */
    HEALED,
    /** It was tried and did not work; it will be tried again (or the turn failed as before). */
    FAILED,
    /** The platform stopped trying: an operator must look. */
    GAVE_UP
}
