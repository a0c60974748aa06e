package io.storyteller.domain.deployment;

import java.time.Instant;

/**
 * What each arm of a rollout measured since an instant and, when {@code step} is set, among the
 * narrations routed in that step of the plan (a narration routed just before an advance and
 * recorded after it still counts for the step that routed it). Asked by the rollout saga; answers
 * {@link ArmMetricsReport}.
 */
public record FindArmMetrics(String deploymentId,
        String rolloutId,
        Instant since,
        Integer step) {

    /** Every step of the rollout since the instant. */
    public FindArmMetrics(String deploymentId, String rolloutId, Instant since) {
        this(deploymentId, rolloutId, since, null);
    }
}
