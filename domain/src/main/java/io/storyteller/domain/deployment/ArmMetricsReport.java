package io.storyteller.domain.deployment;

/**
 * Both arms of a rollout over a window: the stable model's calls, the candidate's served calls
 * (canary) and its mirrored calls (shadow), each with zero samples when it had none.
 */
public record ArmMetricsReport(ArmMetrics stable,
        ArmMetrics candidate,
        ArmMetrics shadow) {
}
