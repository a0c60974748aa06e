package io.storyteller.command.autoswitch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the paid-model auto-switch replays recorded player actions through a model
 * ({@code storyteller.auto-switch.*}; the decision's policy, strategy and timing are the sagas'
 * settings under the same prefix).
 *
 * @param enabled            run replay evaluations at all
 * @param replayActions      how many of the slot's most recent recorded player actions are replayed
 * @param callTimeout        one model call of the replay, after which it counts as failed
 * @param requestTimeout     one query or command sent by the replay
 * @param evaluationThreads  replays run at the same time; more wait their turn
 */
@ConfigurationProperties("storyteller.auto-switch")
public record AutoSwitchProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("12") int replayActions,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("2") int evaluationThreads) {

    public AutoSwitchProperties {
        if (replayActions < 1 || replayActions > 1000) {
            throw new IllegalArgumentException("storyteller.auto-switch.replay-actions must be 1..1000");
        }
        if (evaluationThreads < 1 || evaluationThreads > 64) {
            throw new IllegalArgumentException("storyteller.auto-switch.evaluation-threads must be 1..64");
        }
        requirePositive("call-timeout", callTimeout);
        requirePositive("request-timeout", requestTimeout);
    }

    /** The defaults, as bound from no configuration at all. */
    public static AutoSwitchProperties defaults() {
        return new AutoSwitchProperties(true, 12, Duration.ofSeconds(60), Duration.ofSeconds(30), 2);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("storyteller.auto-switch." + name + " must be positive");
        }
    }
}
