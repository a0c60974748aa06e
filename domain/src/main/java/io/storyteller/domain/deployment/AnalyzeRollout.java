package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submits both arms' metrics for the rollout's current step; the deployment decides by
 * {@link RolloutAnalysis}. {@code step} must be the current one, so an analysis computed before
 * the rollout moved is refused. In the shadow phase the candidate's metrics are those of its
 * mirrored calls; at weight 100, where the stable serves nothing, its metrics are those of the last
 * window in which it did.
 */
public record AnalyzeRollout(@TargetAggregateIdentifier String deploymentId,
        String rolloutId,
        int step,
        ArmMetrics stable,
        ArmMetrics candidate,
        Actor actor) {
}
