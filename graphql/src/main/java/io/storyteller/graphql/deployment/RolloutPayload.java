package io.storyteller.graphql.deployment;

/** Names the rollout a mutation started or changed. */
public record RolloutPayload(String deploymentId, String rolloutId) {
}
