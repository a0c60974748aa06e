package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;

/** Lists a rollout's analyses, oldest first. Answers a list of {@link RolloutAnalysisView}. */
public record FindRolloutAnalyses(String deploymentId,
        String rolloutId,
        Actor viewer) {
}
