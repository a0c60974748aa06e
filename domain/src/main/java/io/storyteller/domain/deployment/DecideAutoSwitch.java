package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decides whether a slot switches to a (paid) candidate, from offline evaluations of it and of the
 * stable model, by {@link AutoSwitchPolicy}. When it switches and no rollout is in progress, the
 * switch starts as rollout {@code rolloutId} with {@code shadowFirstStrategy}, which must shadow first.
 */
public record DecideAutoSwitch(@TargetAggregateIdentifier String deploymentId,
        ModelRef candidate,
        ArmMetrics candidateEvaluation,
        ArmMetrics stableEvaluation,
        AutoSwitchPolicy policy,
        RolloutStrategy shadowFirstStrategy,
        String rolloutId,
        Actor actor) {
}
