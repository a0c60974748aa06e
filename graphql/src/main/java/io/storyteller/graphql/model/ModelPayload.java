package io.storyteller.graphql.model;

/** Names the model a mutation changed. */
public record ModelPayload(String modelId) {
}
