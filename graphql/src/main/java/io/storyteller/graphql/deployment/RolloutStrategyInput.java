package io.storyteller.graphql.deployment;

import io.storyteller.graphql.scalars.IsoDuration;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import java.util.List;

/**
 * A rollout strategy as the API takes it: durations as ISO-8601 strings, checked here; the
 * Deployment aggregate checks the rest ({@link RolloutStrategy#validated}).
 */
public record RolloutStrategyInput(ShadowPhaseInput shadow,
        List<Integer> canarySteps,
        String analysisInterval,
        int minSamples,
        RolloutGates gates) {

    public RolloutStrategy toStrategy() {
        return new RolloutStrategy(shadow == null ? null : shadow.toShadowPhase("strategy.shadow"), canarySteps,
                IsoDuration.parse("strategy.analysisInterval", analysisInterval), minSamples,
                gates == null ? RolloutGates.none() : gates);
    }
}
