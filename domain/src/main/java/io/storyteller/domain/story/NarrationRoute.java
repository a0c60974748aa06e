package io.storyteller.domain.story;

/** Which deployment routed a narration request, to which arm, in which rollout step (rollout fields null outside a rollout). */
public record NarrationRoute(String deploymentId, NarrationArm arm, String rolloutId, Integer rolloutStep) {
}
