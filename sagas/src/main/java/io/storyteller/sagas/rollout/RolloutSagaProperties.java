package io.storyteller.sagas.rollout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the rollout saga drives a rollout beyond what its strategy says ({@code storyteller.rollouts.*}).
 *
 * @param maxHolds         analyses at one step that may end inconclusive (HOLD, or no metrics to be had)
 *                         before the rollout is aborted; whatever the strategy, a rollout cannot hang forever
 * @param queryTimeout     how long one analysis waits for the per-arm metrics
 * @param queryRetryDelay  pause before asking again when the metrics query failed
 * @param maxQueryRetries  retries of a failed metrics query within one analysis; then that analysis
 *                         counts as inconclusive and the next one follows after the analysis interval
 */
@ConfigurationProperties("storyteller.rollouts")
public record RolloutSagaProperties(@DefaultValue("48") int maxHolds,
        @DefaultValue("10s") Duration queryTimeout,
        @DefaultValue("30s") Duration queryRetryDelay,
        @DefaultValue("5") int maxQueryRetries) {

    public RolloutSagaProperties {
        if (maxHolds < 1) {
            throw new IllegalArgumentException("storyteller.rollouts.max-holds must be at least 1");
        }
        if (maxQueryRetries < 0) {
            throw new IllegalArgumentException("storyteller.rollouts.max-query-retries must not be negative");
        }
        requirePositive("query-timeout", queryTimeout);
        requirePositive("query-retry-delay", queryRetryDelay);
    }

    /** The defaults, for code that runs without Spring (tests). */
    public static RolloutSagaProperties defaults() {
        return new RolloutSagaProperties(48, Duration.ofSeconds(10), Duration.ofSeconds(30), 5);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("storyteller.rollouts." + name + " must be positive");
        }
    }
}
