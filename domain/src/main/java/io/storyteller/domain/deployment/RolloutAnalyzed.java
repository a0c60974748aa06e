package io.storyteller.domain.deployment;

import java.util.List;

/**
 * A rollout step was analysed: the evidence (both arms' metrics, each gate's result) and the
 * verdict with its rationale. The verdict's consequence follows as its own event.
 */
public record RolloutAnalyzed(String deploymentId,
        String rolloutId,
        int step,
        RolloutPhase phase,
        ArmMetrics stable,
        ArmMetrics candidate,
        List<GateResult> results,
        Verdict verdict,
        String rationale,
        String analyzedBy) {
}
