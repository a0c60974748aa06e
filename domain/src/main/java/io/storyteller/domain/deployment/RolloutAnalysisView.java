package io.storyteller.domain.deployment;

import java.time.Instant;
import java.util.List;

/** One analysis of a rollout step, with its evidence and verdict. */
public record RolloutAnalysisView(String deploymentId,
        String rolloutId,
        int step,
        RolloutPhase phase,
        ArmMetrics stable,
        ArmMetrics candidate,
        List<GateResult> results,
        Verdict verdict,
        String rationale,
        String analyzedBy,
        Instant analyzedAt) {
}
