package io.storyteller.command.autoswitch;

import io.storyteller.domain.deployment.AutoSwitchPolicy;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the paid-model auto-switch evaluates a newly discovered model and, when it is worth it,
 * rolls it out ({@code storyteller.auto-switch.*}).
 *
 * @param enabled                 evaluate discovered models at all
 * @param replayActions           how many of the slot's most recent recorded player actions are replayed
 *                                through the candidate and the stable model
 * @param minImprovement          rating points (1..5 scale) the candidate must gain over the stable model
 * @param maxCostIncrease         USD per beat the candidate may cost more than the stable model
 * @param callTimeout             one model call of the replay, after which it counts as failed
 * @param requestTimeout          one query or command sent by the runner
 * @param maxDiscoveryAge         a model discovered longer ago than this is not evaluated any more (the
 *                                processor starting at the beginning of the log meets old discoveries)
 * @param shadowMirroredRequests  the shadow phase's mirrored calls
 * @param shadowDuration          the shadow phase's minimum duration; unset: only the calls count
 * @param canarySteps             the canary weights, increasing, ending at 100
 * @param analysisInterval        how often a step is analysed
 * @param minSamples              calls each arm needs before a step is analysed
 * @param maxErrorRate            the rollout's error-rate gate
 * @param tolerance               how much worse than the stable model the candidate may be, relatively
 */
@ConfigurationProperties("storyteller.auto-switch")
public record AutoSwitchProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("12") int replayActions,
        @DefaultValue("0.25") double minImprovement,
        @DefaultValue("0.002") BigDecimal maxCostIncrease,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("24h") Duration maxDiscoveryAge,
        @DefaultValue("50") int shadowMirroredRequests,
        Duration shadowDuration,
        @DefaultValue({"5", "25", "50", "100"}) List<Integer> canarySteps,
        @DefaultValue("30m") Duration analysisInterval,
        @DefaultValue("30") int minSamples,
        @DefaultValue("0.05") double maxErrorRate,
        @DefaultValue("0.1") double tolerance) {

    public AutoSwitchProperties {
        if (replayActions < 1 || replayActions > 1000) {
            throw new IllegalArgumentException("storyteller.auto-switch.replay-actions must be 1..1000");
        }
        requirePositive("call-timeout", callTimeout);
        requirePositive("request-timeout", requestTimeout);
        requirePositive("max-discovery-age", maxDiscoveryAge);
        canarySteps = List.copyOf(canarySteps);
        // The domain's own rules, checked at start-up rather than at the first decision (fields are not set yet).
        new AutoSwitchPolicy(minImprovement, maxCostIncrease).validated("storyteller.auto-switch");
        strategy(shadowMirroredRequests, shadowDuration, canarySteps, analysisInterval, minSamples, maxErrorRate,
                tolerance).validated("storyteller.auto-switch");
    }

    /** The defaults, as bound from no configuration at all. */
    public static AutoSwitchProperties defaults() {
        return new AutoSwitchProperties(true, 12, 0.25, new BigDecimal("0.002"), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofHours(24), 50, null, List.of(5, 25, 50, 100), Duration.ofMinutes(30), 30, 0.05, 0.1);
    }

    public AutoSwitchPolicy policy() {
        return new AutoSwitchPolicy(minImprovement, maxCostIncrease);
    }

    /** Shadow first, then the canary steps, gated on the error rate. */
    public RolloutStrategy strategy() {
        return strategy(shadowMirroredRequests, shadowDuration, canarySteps, analysisInterval, minSamples, maxErrorRate,
                tolerance);
    }

    private static RolloutStrategy strategy(int shadowMirroredRequests, Duration shadowDuration,
            List<Integer> canarySteps, Duration analysisInterval, int minSamples, double maxErrorRate,
            double tolerance) {
        return new RolloutStrategy(new ShadowPhase(shadowDuration, shadowMirroredRequests), canarySteps,
                analysisInterval, minSamples, new RolloutGates(maxErrorRate, null, null, null, null, null, tolerance));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("storyteller.auto-switch." + name + " must be positive");
        }
    }
}
