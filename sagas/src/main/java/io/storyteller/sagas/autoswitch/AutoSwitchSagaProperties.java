package io.storyteller.sagas.autoswitch;

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
 * How the auto-switch sagas decide on a discovered model ({@code storyteller.auto-switch.*}; the
 * replay itself is set by the command side's properties under the same prefix).
 *
 * @param enabled                 consider discovered models at all
 * @param minImprovement          rating points (1..5 scale) the candidate must gain over the stable model
 * @param maxCostIncrease         USD per beat the candidate may cost more than the stable model
 * @param requestTimeout          how long the slots query may take, and the pause before asking again
 * @param maxDiscoveryAge         a model discovered longer ago than this is not considered any more (the
 *                                sagas' processor may meet old discoveries)
 * @param evaluationTimeout       how long a (slot, candidate) pair waits for both replay evaluations, or
 *                                for its decision, before asking again
 * @param evaluationRetries       how often it asks again before it gives up on the pair
 * @param shadowMirroredRequests  the shadow phase's mirrored calls
 * @param shadowDuration          the shadow phase's minimum duration; unset: only the calls count
 * @param canarySteps             the canary weights, increasing, ending at 100
 * @param analysisInterval        how often a step is analysed
 * @param minSamples              calls each arm needs before a step is analysed
 * @param maxErrorRate            the rollout's error-rate gate
 * @param tolerance               how much worse than the stable model the candidate may be, relatively
 */
@ConfigurationProperties("storyteller.auto-switch")
public record AutoSwitchSagaProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("0.25") double minImprovement,
        @DefaultValue("0.002") BigDecimal maxCostIncrease,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("24h") Duration maxDiscoveryAge,
        @DefaultValue("1h") Duration evaluationTimeout,
        @DefaultValue("2") int evaluationRetries,
        @DefaultValue("50") int shadowMirroredRequests,
        Duration shadowDuration,
        @DefaultValue({"5", "25", "50", "100"}) List<Integer> canarySteps,
        @DefaultValue("30m") Duration analysisInterval,
        @DefaultValue("30") int minSamples,
        @DefaultValue("0.05") double maxErrorRate,
        @DefaultValue("0.1") double tolerance) {

    public AutoSwitchSagaProperties {
        requirePositive("request-timeout", requestTimeout);
        requirePositive("max-discovery-age", maxDiscoveryAge);
        requirePositive("evaluation-timeout", evaluationTimeout);
        if (evaluationRetries < 0 || evaluationRetries > 100) {
            throw new IllegalArgumentException("storyteller.auto-switch.evaluation-retries must be 0..100");
        }
        canarySteps = List.copyOf(canarySteps);
        // The domain's own rules, checked at start-up rather than at the first decision.
        new AutoSwitchPolicy(minImprovement, maxCostIncrease).validated("storyteller.auto-switch");
        strategy(shadowMirroredRequests, shadowDuration, canarySteps, analysisInterval, minSamples, maxErrorRate,
                tolerance).validated("storyteller.auto-switch");
    }

    /** The defaults, as bound from no configuration at all. */
    public static AutoSwitchSagaProperties defaults() {
        return new AutoSwitchSagaProperties(true, 0.25, new BigDecimal("0.002"), Duration.ofSeconds(30),
                Duration.ofHours(24), Duration.ofHours(1), 2, 50, null, List.of(5, 25, 50, 100), Duration.ofMinutes(30),
                30, 0.05, 0.1);
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
