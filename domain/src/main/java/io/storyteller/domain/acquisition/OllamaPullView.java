package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import java.time.Instant;

/**
 * A pull as it stands: the server's last status line ({@code pulling manifest}, {@code pulling
 * <digest>}, {@code verifying sha256 digest}, …), the layer being fetched and its bytes, and at the end
 * the registered model or the reason it failed.
 */
public record OllamaPullView(String pullId,
        String endpoint,
        String model,
        OllamaPullStatus status,
        String statusText,
        String digest,
        long completedBytes,
        long totalBytes,
        ModelRef registered,
        String reason,
        Instant startedAt,
        Instant updatedAt) {
}
