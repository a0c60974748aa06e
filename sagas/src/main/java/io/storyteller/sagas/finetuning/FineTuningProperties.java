package io.storyteller.sagas.finetuning;

import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.finetuning.PromotionRule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fine-tunings wait, retry and promote ({@code storyteller.fine-tuning.*}).
 *
 * @param defaultMargin     the score a candidate needs over the incumbent when the request names none
 * @param exportTimeout     how long an export may take before it is asked for again
 * @param trainingTimeout   how long one training may run; the worker is interrupted then
 * @param validationTimeout how long a validation may take before it is asked for again
 * @param rolloutTimeout    how long the slot may take to answer the rollout
 * @param retryDelay        the pause after a setback before the step is tried again
 * @param maxAttempts       attempts per step before the fine-tuning fails
 * @param rollout           the shadow-first strategy of rollouts whose request names none
 */
@ConfigurationProperties("storyteller.fine-tuning")
public record FineTuningProperties(@DefaultValue("0") double defaultMargin,
        @DefaultValue("1h") Duration exportTimeout,
        @DefaultValue("6h") Duration trainingTimeout,
        @DefaultValue("2h") Duration validationTimeout,
        @DefaultValue("5m") Duration rolloutTimeout,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue Rollout rollout) {

    public FineTuningProperties {
        if (Double.isNaN(defaultMargin) || defaultMargin < PromotionRule.MIN_MARGIN || defaultMargin > PromotionRule.MAX_MARGIN) {
            throw new IllegalArgumentException("storyteller.fine-tuning.default-margin must be between -1 and 1");
        }
        positive("export-timeout", exportTimeout);
        positive("training-timeout", trainingTimeout);
        positive("validation-timeout", validationTimeout);
        positive("rollout-timeout", rolloutTimeout);
        positive("retry-delay", retryDelay);
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("storyteller.fine-tuning.max-attempts must be 1..100");
        }
        if (rollout == null) {
            throw new IllegalArgumentException("storyteller.fine-tuning.rollout is required");
        }
        rollout.strategy();
    }

    public static FineTuningProperties defaults() {
        return new FineTuningProperties(0, Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(2), Duration.ofMinutes(5),
                Duration.ofMinutes(1), 3, Rollout.defaults());
    }

    /**
     * The default rollout: shadow first (mirrored requests and/or a duration), then canary steps.
     */
    public record Rollout(@DefaultValue("50") Integer shadowMirroredRequests,
            Duration shadowDuration,
            @DefaultValue({"5", "25", "50", "100"}) List<Integer> canarySteps,
            @DefaultValue("30m") Duration analysisInterval,
            @DefaultValue("30") int minSamples,
            @DefaultValue("0.05") Double maxErrorRate,
            @DefaultValue("0.1") Double tolerance) {

        static Rollout defaults() {
            return new Rollout(50, null, List.of(5, 25, 50, 100), Duration.ofMinutes(30), 30, 0.05, 0.1);
        }

        /** The strategy, checked by the deployment's own rules; a bad property fails at startup, naming it. */
        public RolloutStrategy strategy() {
            if (shadowMirroredRequests == null && shadowDuration == null) {
                throw new IllegalArgumentException(
                        "storyteller.fine-tuning.rollout needs shadow-mirrored-requests or shadow-duration: rollouts are shadow first");
            }
            try {
                return new RolloutStrategy(new ShadowPhase(shadowDuration, shadowMirroredRequests), canarySteps, analysisInterval,
                        minSamples, new RolloutGates(maxErrorRate, null, null, null, null, null, tolerance))
                        .validated("storyteller.fine-tuning.rollout");
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("storyteller.fine-tuning." + name + " must be positive");
        }
    }
}
