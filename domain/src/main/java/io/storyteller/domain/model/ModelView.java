package io.storyteller.domain.model;

import java.time.Instant;
import java.util.List;

/** A model as the registry shows it; {@code variant} is set for variants only, {@code retiredReason} once retired. */
public record ModelView(String modelId,
        ModelSpec spec,
        ModelSource source,
        String discoveredBy,
        ModelStatus status,
        ModelVariantView variant,
        List<ModelVersionView> versions,
        String registeredBy,
        String retiredReason,
        Instant registeredAt,
        Instant updatedAt) {
}
