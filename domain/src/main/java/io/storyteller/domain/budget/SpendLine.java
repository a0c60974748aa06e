package io.storyteller.domain.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Spend summed over one group: a dimension not grouped by is null, and so is the deployment of
 * calls no deployment routed (the configured narrator). {@code calls} counts candidates and shadow calls.
 */
public record SpendLine(String worldId,
        String deploymentId,
        LocalDate day,
        long calls,
        long promptTokens,
        long completionTokens,
        BigDecimal costUsd) {
}
