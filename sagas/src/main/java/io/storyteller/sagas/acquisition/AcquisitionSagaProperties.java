package io.storyteller.sagas.acquisition;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the acquisition saga waits and retries ({@code storyteller.hub.acquisition.*}).
 *
 * @param stepTimeout a step with no answer for this long is asked for again (a download resumes)
 * @param retryDelay  the pause after a setback before the step is tried again
 * @param maxAttempts attempts of one step before the acquisition fails
 */
@ConfigurationProperties("storyteller.hub.acquisition")
public record AcquisitionSagaProperties(@DefaultValue("2h") Duration stepTimeout,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("5") int maxAttempts) {

    public AcquisitionSagaProperties {
        if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()
                || retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("storyteller.hub.acquisition.step-timeout and retry-delay must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("storyteller.hub.acquisition.max-attempts must be 1..100");
        }
    }

    public static AcquisitionSagaProperties defaults() {
        return new AcquisitionSagaProperties(Duration.ofHours(2), Duration.ofSeconds(30), 5);
    }
}
