package io.storyteller.graphql.deployment;

/** Names the deployment slot a mutation changed or opened. */
public record DeploymentPayload(String deploymentId) {
}
