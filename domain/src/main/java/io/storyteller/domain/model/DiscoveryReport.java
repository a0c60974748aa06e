package io.storyteller.domain.model;

import java.time.Instant;
import java.util.List;

/**
 * One discovery run: what each configured provider's catalogue listed and what was registered.
 * {@code requestedBy} is the user who asked, or {@code system} for a scheduled run.
 */
public record DiscoveryReport(Instant startedAt,
        Instant finishedAt,
        String requestedBy,
        List<ProviderScan> providers) {

    public DiscoveryReport {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }
}
