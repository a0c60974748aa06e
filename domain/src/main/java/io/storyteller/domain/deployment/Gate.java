package io.storyteller.domain.deployment;

/** A metric a rollout is gated on; all are lower-is-better except the rating. */
public enum Gate {
    ERROR_RATE,
    LATENCY_P95,
    GUARDRAIL_BLOCK_RATE,
    DETECTOR_SCORE,
    RATING,
    COST_PER_BEAT
}
