package io.storyteller.domain.deployment;

/** Where a rollout stands. SHADOW and CANARY are in progress; the others are how it ended. */
public enum RolloutPhase {
    /** The candidate gets mirrored calls (weight 0) whose output is recorded, never shown. */
    SHADOW,
    /** The candidate serves its step's weight, in percent of the slot's calls, sticky per story. */
    CANARY,
    /** The candidate became the stable model. */
    PROMOTED,
    /** A gate failed; the stable model serves alone again. */
    ROLLED_BACK,
    /** Stopped by hand; the stable model serves alone again. */
    ABORTED
}
