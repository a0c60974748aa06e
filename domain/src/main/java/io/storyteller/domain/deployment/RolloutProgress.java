package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import java.time.Instant;

/** Where a rollout in progress stands: its candidate, phase, step (see {@link RolloutStrategy}) and weight. */
public record RolloutProgress(String rolloutId,
        ModelRef candidate,
        RolloutStrategy strategy,
        RolloutPhase phase,
        int step,
        int weight,
        boolean paused,
        String reason,
        Instant startedAt) {
}
