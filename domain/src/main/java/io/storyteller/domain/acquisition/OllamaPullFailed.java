package io.storyteller.domain.acquisition;

/** A pull ended without a registered model; {@code reason} says why. */
public record OllamaPullFailed(String endpoint,
        String pullId,
        String model,
        String reason) {
}
