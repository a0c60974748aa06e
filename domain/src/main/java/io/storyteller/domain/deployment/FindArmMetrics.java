package io.storyteller.domain.deployment;

import java.time.Instant;

/** What each arm of a rollout measured since an instant; asked by the rollout saga. Answers {@link ArmMetricsReport}. */
public record FindArmMetrics(String deploymentId,
        String rolloutId,
        Instant since) {
}
