package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/**
 * A slot decided on switching to a candidate, with its evidence. {@code rolloutId} names the
 * rollout the switch started (followed by {@link RolloutStarted}); it is null when not switching,
 * or when switching had to wait because another rollout was in progress (then
 * {@code switching} is true and the rationale says so).
 */
public record AutoSwitchDecided(String deploymentId,
        ModelRef candidate,
        ModelRef stable,
        boolean switching,
        String rationale,
        ArmMetrics candidateEvaluation,
        ArmMetrics stableEvaluation,
        AutoSwitchPolicy policy,
        String rolloutId,
        String decidedBy) {
}
