package io.storyteller.sagas.rollout;

import io.storyteller.domain.deployment.AbortRollout;
import io.storyteller.domain.deployment.AnalyzeRollout;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.RolloutAborted;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutResumed;
import io.storyteller.domain.deployment.RolloutRolledBack;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** One rollout of the global narrator slot, as the rollout saga specifications tell it. */
final class Rollouts {

    static final String DEPLOYMENT = "narrator:global";
    static final String ROLLOUT = "r1";
    static final ModelRef STABLE_MODEL = new ModelRef("house:w1", "1");
    static final ModelRef CANDIDATE = new ModelRef("house:w1", "2");
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(10);
    static final Duration SHADOW = Duration.ofHours(1);
    static final Duration RETRY = Duration.ofSeconds(30);
    static final int MAX_HOLDS = 3;
    static final int MAX_QUERY_RETRIES = 2;

    static final ArmMetrics STABLE_ARM = arm(400);
    static final ArmMetrics CANARY_ARM = arm(150);
    static final ArmMetrics SHADOW_ARM = arm(380);
    static final ArmMetrics NOTHING = arm(0);

    private Rollouts() {
    }

    static RolloutSagaProperties settings() {
        return new RolloutSagaProperties(MAX_HOLDS, Duration.ofMillis(200), RETRY, MAX_QUERY_RETRIES);
    }

    /** Canary 25 → 100, no shadow phase. */
    static RolloutStrategy canary() {
        return new RolloutStrategy(null, List.of(25, 100), INTERVAL, 100, RolloutGates.none());
    }

    /** An hour's shadow phase (step 0), then canary 50 (step 1) → 100 (step 2). */
    static RolloutStrategy shadowFirst() {
        return new RolloutStrategy(new ShadowPhase(SHADOW, null), List.of(50, 100), INTERVAL, 100, RolloutGates.none());
    }

    static ArmMetrics arm(long samples) {
        return new ArmMetrics(samples, samples == 0 ? 0 : 0.01, samples == 0 ? 0 : 800, 0, 0.2,
                samples == 0 ? null : 4.2, samples == 0 ? BigDecimal.ZERO : new BigDecimal("0.0012"));
    }

    static ArmMetricsReport report(ArmMetrics stable, ArmMetrics candidate, ArmMetrics shadow) {
        return new ArmMetricsReport(stable, candidate, shadow);
    }

    static RolloutStarted started(RolloutStrategy strategy) {
        return started(DEPLOYMENT, strategy);
    }

    static RolloutStarted started(String deploymentId, RolloutStrategy strategy) {
        return new RolloutStarted(deploymentId, ROLLOUT, CANDIDATE, STABLE_MODEL, strategy, strategy.phaseAt(0), 0,
                strategy.weightAt(0), "try the new house model", "admin");
    }

    static RolloutAnalyzed analyzed(int step, Verdict verdict) {
        return new RolloutAnalyzed(DEPLOYMENT, ROLLOUT, step, RolloutPhase.CANARY,
                STABLE_ARM, CANARY_ARM, List.of(), verdict, "as specified", "system");
    }

    static RolloutAnalyzed held(int step) {
        return analyzed(step, Verdict.HOLD);
    }

    static RolloutAdvanced advanced(int step, int weight) {
        return new RolloutAdvanced(DEPLOYMENT, ROLLOUT, step, weight, "system");
    }

    static RolloutPaused paused() {
        return new RolloutPaused(DEPLOYMENT, ROLLOUT, "looking into it", "admin");
    }

    static RolloutResumed resumed() {
        return new RolloutResumed(DEPLOYMENT, ROLLOUT, "admin");
    }

    static RolloutPromoted promoted() {
        return new RolloutPromoted(DEPLOYMENT, ROLLOUT, CANDIDATE, STABLE_MODEL, "every gate passed", "system");
    }

    static RolloutRolledBack rolledBack() {
        return new RolloutRolledBack(DEPLOYMENT, ROLLOUT, CANDIDATE, "gate failed: error rate", "system");
    }

    static RolloutAborted aborted() {
        return new RolloutAborted(DEPLOYMENT, ROLLOUT, CANDIDATE, "stopped by hand", "admin");
    }

    static AnalyzeRollout analyze(int step, ArmMetrics stable, ArmMetrics candidate) {
        return new AnalyzeRollout(DEPLOYMENT, ROLLOUT, step, stable, candidate, Actor.system());
    }

    static AbortRollout abortAfter(int attempts) {
        return new AbortRollout(DEPLOYMENT, ROLLOUT, "no conclusive analysis after " + attempts + " attempts", Actor.system());
    }

    /** The analysis deadline of a step, whatever its running number. */
    static Matcher<? super DeadlineMessage<?>> analysisOf(int step) {
        return Matchers.messageWithPayload(Matchers.<Object>predicate(
                payload -> payload instanceof AnalysisDue due && due.step() == step));
    }
}
