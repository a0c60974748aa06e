package io.storyteller.command.training.openai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fine-tuning jobs at an OpenAI-compatible endpoint are followed ({@code storyteller.training.openai.*}).
 * The endpoint itself (address, key, timeouts) is the base model's provider endpoint.
 *
 * @param pollInterval    the first wait between two looks at a job
 * @param maxPollInterval the longest wait between two looks; each wait is 1.5 times the one before
 * @param maxWait         how long a job may take in all before it is cancelled and the training failed
 */
@ConfigurationProperties("storyteller.training.openai")
public record OpenAiFineTuningProperties(@DefaultValue("10s") Duration pollInterval,
        @DefaultValue("2m") Duration maxPollInterval,
        @DefaultValue("24h") Duration maxWait) {

    public OpenAiFineTuningProperties {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("storyteller.training.openai.poll-interval must be positive");
        }
        if (maxPollInterval == null || maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("storyteller.training.openai.max-poll-interval must be at least poll-interval");
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("storyteller.training.openai.max-wait must be positive");
        }
    }
}
