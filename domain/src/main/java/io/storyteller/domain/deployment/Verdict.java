package io.storyteller.domain.deployment;

/** What an analysis of a rollout step decides. */
public enum Verdict {
    /** Inconclusive (too few samples, no rating yet): stay at this step and analyse again. */
    HOLD,
    /** Every gate passed: move to the next step. */
    ADVANCE,
    /** Every gate passed at the last step: the candidate becomes stable. */
    PROMOTE,
    /** A gate failed: the candidate is withdrawn. */
    ROLLBACK
}
