package io.storyteller.ops.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What readiness ({@code /actuator/health/readiness}) counts as unhealthy beyond the database and search.
 *
 * @param processorStuckAfter how long an event processor may stay behind the head of the log without
 *                            moving before it counts as stuck; longer than one narration may take
 */
@ConfigurationProperties("storyteller.readiness")
public record ReadinessProperties(@DefaultValue("5m") Duration processorStuckAfter) {

    public ReadinessProperties {
        if (processorStuckAfter.isNegative() || processorStuckAfter.isZero()) {
            throw new IllegalArgumentException("storyteller.readiness.processor-stuck-after must be positive");
        }
    }
}
