package io.storyteller.command.narration.failover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failover of narration when a narrator's provider is down ({@code storyteller.healing.failover.*}).
 *
 * @param enabled     false: a turn whose narrators are all down fails, as it did before failover
 * @param recordEvery the window in which one narrator's failovers are recorded as one healing action
 *                    with a count (the first at once, the rest when the window has passed)
 */
@ConfigurationProperties("storyteller.healing.failover")
public record FailoverProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration recordEvery) {

    public FailoverProperties {
        if (recordEvery == null || recordEvery.isNegative() || recordEvery.isZero()) {
            throw new IllegalArgumentException("storyteller.healing.failover.record-every must be positive");
        }
    }

    public static FailoverProperties defaults() {
        return new FailoverProperties(true, Duration.ofMinutes(1));
    }
}
