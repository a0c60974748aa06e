package io.storyteller.ops.healing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform heals its event processing ({@code storyteller.healing.*}); failover of narration
 * has its own settings under {@code storyteller.healing.failover}.
 */
@ConfigurationProperties("storyteller.healing")
public record HealingProperties(@DefaultValue DeadLetters deadLetters, @DefaultValue Processors processors) {

    /**
     * Retrying dead-lettered sequences on their own ({@code storyteller.healing.dead-letters.*}).
     *
     * @param enabled        false: dead letters wait for an operator
     * @param initialBackoff how long after it was parked a sequence is first retried; doubles after each failed retry
     * @param maxBackoff     the longest wait between two retries
     * @param maxAttempts    retries after which the sequence is left to operators (recorded once as given up)
     * @param checkEvery     how often the queues are looked at
     */
    public record DeadLetters(@DefaultValue("true") boolean enabled,
            @DefaultValue("1m") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration checkEvery) {

        public DeadLetters {
            Backoff.check("storyteller.healing.dead-letters.", initialBackoff, maxBackoff);
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("storyteller.healing.dead-letters.max-attempts must be at least 1");
            }
        }

        Backoff backoff() {
            return new Backoff(initialBackoff, maxBackoff);
        }
    }

    /**
     * Restarting a streaming processor stuck in error, or stopped while it should run
     * ({@code storyteller.healing.processors.*}).
     *
     * @param enabled        false: a stuck processor waits for an operator
     * @param stuckAfter     how long a processor must stay in error (or stopped) before it is restarted
     * @param initialBackoff the wait before restarting the same processor again; doubles with each restart
     * @param maxBackoff     the longest wait between two restarts of one processor
     * @param checkEvery     how often the processors are looked at
     */
    public record Processors(@DefaultValue("true") boolean enabled,
            @DefaultValue("2m") Duration stuckAfter,
            @DefaultValue("1m") Duration initialBackoff,
            @DefaultValue("30m") Duration maxBackoff,
            @DefaultValue("15s") Duration checkEvery) {

        public Processors {
            Backoff.check("storyteller.healing.processors.", initialBackoff, maxBackoff);
            if (stuckAfter == null || stuckAfter.isNegative()) {
                throw new IllegalArgumentException("storyteller.healing.processors.stuck-after must not be negative");
            }
        }

        Backoff backoff() {
            return new Backoff(initialBackoff, maxBackoff);
        }
    }
}
