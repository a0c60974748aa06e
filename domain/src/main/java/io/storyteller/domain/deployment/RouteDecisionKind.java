package io.storyteller.domain.deployment;

/** Which recorded fact a {@link RouteDecision} is. */
public enum RouteDecisionKind {
    /** {@link DeploymentCreated}: the slot opened with its first stable model. */
    DEPLOYMENT_CREATED,
    /** {@link StableModelReplaced}: the stable model was replaced by hand. */
    STABLE_REPLACED,
    /** {@link RolloutPromoted}: a rollout's candidate became the stable model. */
    ROLLOUT_PROMOTED,
    /** {@link AutoSwitchDecided}: the auto-switch policy started the rollout. */
    AUTO_SWITCH_DECIDED,
    /** {@link RolloutStarted}: the rollout began. */
    ROLLOUT_STARTED,
    /** {@link RolloutAdvanced}: the rollout moved to the narration's step. */
    ROLLOUT_ADVANCED,
    /** {@link RolloutAnalyzed}: the latest analysis of the rollout before the narration. */
    ROLLOUT_ANALYZED,
    /** {@link RolloutPaused}: the rollout stood paused when the narration was recorded. */
    ROLLOUT_PAUSED
}
