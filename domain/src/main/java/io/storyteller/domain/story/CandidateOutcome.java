package io.storyteller.domain.story;

/** What became of a candidate in its turn. */
public enum CandidateOutcome {
    /** It became the beat. */
    CHOSEN,
    /** It became the beat with sentences the guardrail refused taken out. */
    CHOSEN_REDACTED,
    /** It passed every check, and another scored higher. */
    OUTRANKED,
    /** The detector scored it above the world's threshold. */
    MACHINE_WRITTEN,
    /** The world's content rating does not allow it. */
    BLOCKED,
    /** The model failed or did not answer within the turn's deadline. */
    FAILED,
    /** A shadow call's answer that passed every check: judged like a candidate, never in the running. */
    MIRRORED
}
