package io.storyteller.graphql.finetuning;

import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.graphql.scalars.IsoDuration;
import java.util.List;

/**
 * The rollout a fine-tuning asks for, as the schema's {@code RolloutStrategyInput}: durations as
 * ISO-8601 strings, checked here; the FineTuning's admission checks the rest.
 */
public record RolloutInput(Shadow shadow,
        List<Integer> canarySteps,
        String analysisInterval,
        int minSamples,
        RolloutGates gates) {

    RolloutStrategy strategy() {
        return new RolloutStrategy(shadow == null ? null
                : new ShadowPhase(IsoDuration.parse("rollout.shadow.duration", shadow.duration()), shadow.mirroredRequests()),
                canarySteps, IsoDuration.parse("rollout.analysisInterval", analysisInterval), minSamples,
                gates == null ? RolloutGates.none() : gates);
    }

    /** The schema's {@code ShadowPhaseInput}. */
    public record Shadow(String duration, Integer mirroredRequests) {
    }
}
