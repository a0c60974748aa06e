package io.storyteller.graphql.acquisition.ollama;

/** Names the pull that began. */
public record OllamaPullPayload(String pullId) {
}
