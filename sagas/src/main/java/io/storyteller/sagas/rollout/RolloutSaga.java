package io.storyteller.sagas.rollout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.deployment.AbortRollout;
import io.storyteller.domain.deployment.AnalyzeRollout;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.RolloutAborted;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutResumed;
import io.storyteller.domain.deployment.RolloutRolledBack;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.sagas.dispatch.SagaCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives one rollout: every analysis interval it reads both arms' metrics since its step began and
 * submits them to the deployment, which decides (hold, advance, promote, roll back). The saga only
 * keeps time: it schedules the next analysis, waits while paused, and aborts a rollout that stays
 * inconclusive for {@link RolloutSagaProperties#maxHolds()} analyses at one step.
 * <p>
 * The next analysis is scheduled as soon as one is submitted, so a refused or lost command never
 * leaves the rollout without a deadline; an advance replaces it with one for the new step. The saga
 * holds at most one deadline and cancels only that one, never one that has fired (the persistent
 * scheduler refuses to cancel a running or finished task, and would fail the whole unit of work).
 * <p>
 * Stored as JSON (its fields); the gateways, the deadline manager and the settings are injected.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class RolloutSaga {

    /** The analysis deadline's name. */
    public static final String ANALYSIS = "rollout-analysis";
    private static final Logger log = LoggerFactory.getLogger(RolloutSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient QueryGateway queryGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient RolloutSagaProperties settings;

    private String deploymentId;
    private String rolloutId;
    private ModelRef candidate;
    private RolloutStrategy strategy;
    private int step;
    private RolloutPhase phase;
    private Instant startedAt;
    /** The "since" of the metrics query: when the current step began. */
    private Instant stepStartedAt;
    /** The stable arm's metrics from the last window in which it served, for steps at weight 100. */
    private ArmMetrics lastServingStable;
    /** HOLD verdicts at the current step. */
    private int holds;
    /** Analyses begun at the current step, whether or not they came to a verdict. */
    private int attempts;
    /** Failed metrics queries in a row within the current analysis. */
    private int queryFailures;
    private boolean paused;
    /** The pending analysis deadline, null when none is pending, and its running number. */
    private String deadlineId;
    private int deadlineSequence;

    @StartSaga
    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutStarted event, @Timestamp Instant at) {
        deploymentId = event.deploymentId();
        rolloutId = event.rolloutId();
        candidate = event.candidate();
        strategy = event.strategy();
        step = event.step();
        phase = event.phase();
        startedAt = at;
        stepStartedAt = at;
        scheduleAnalysis(untilNextAnalysis(at));
    }

    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutAdvanced event, @Timestamp Instant at) {
        step = event.step();
        phase = strategy.phaseAt(step);
        stepStartedAt = at;
        holds = 0;
        attempts = 0;
        queryFailures = 0;
        scheduleAnalysis(untilNextAnalysis(at));
    }

    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutAnalyzed event, @Timestamp Instant at) {
        if (event.verdict() != Verdict.HOLD || event.step() != step) {
            return; // a decision's own event (advanced, promoted, rolled back) follows
        }
        holds++;
        if (holds >= settings.maxHolds()) {
            abort(holds, at);
        } else if (deadlineId == null && !paused) {
            scheduleAnalysis(untilNextAnalysis(at));
        }
    }

    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutPaused event) {
        paused = true;
        cancelAnalysis();
    }

    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutResumed event, @Timestamp Instant at) {
        paused = false;
        queryFailures = 0;
        scheduleAnalysis(untilNextAnalysis(at));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutPromoted event) {
        cancelAnalysis();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutRolledBack event) {
        cancelAnalysis();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RolloutKey.PROPERTY, associationResolver = RolloutKeyResolver.class)
    void on(RolloutAborted event) {
        cancelAnalysis();
    }

    @DeadlineHandler(deadlineName = ANALYSIS)
    void analyse(AnalysisDue due, @Timestamp Instant now) {
        if (due.sequence() != deadlineSequence || deadlineId == null) {
            log.debug("Rollout {} on {}: ignoring superseded analysis deadline {}", rolloutId, deploymentId, due);
            return;
        }
        deadlineId = null; // it fired: never cancel it
        if (paused || due.step() != step) {
            return;
        }
        if (queryFailures == 0) {
            if (attempts >= settings.maxHolds()) {
                abort(attempts, now);
                return;
            }
            attempts++;
        }
        ArmMetricsReport report;
        try {
            report = armMetrics();
        } catch (Exception e) {
            retryLater(e, now);
            return;
        }
        queryFailures = 0;
        scheduleAnalysis(untilNextAnalysis(now));
        send(new AnalyzeRollout(deploymentId, rolloutId, step, stableArm(report), candidateArm(report), Actor.system()));
    }

    private ArmMetricsReport armMetrics() throws Exception {
        try {
            ArmMetricsReport report = queryGateway
                    .query(new FindArmMetrics(deploymentId, rolloutId, stepStartedAt, step), ResponseTypes.instanceOf(ArmMetricsReport.class))
                    .get(settings.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Objects.requireNonNull(report, "no metrics report");
            Objects.requireNonNull(report.stable(), "no stable arm in the metrics report");
            Objects.requireNonNull(phase == RolloutPhase.SHADOW ? report.shadow() : report.candidate(),
                    "no candidate arm in the metrics report");
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** At weight 100 the stable arm serves nothing: it is judged by the last window in which it served. */
    private ArmMetrics stableArm(ArmMetricsReport report) {
        if (strategy.weightAt(step) < 100) {
            if (report.stable().samples() > 0 || lastServingStable == null) {
                lastServingStable = report.stable();
            }
            return report.stable();
        }
        return lastServingStable != null ? lastServingStable : report.stable();
    }

    /** In the shadow phase the candidate is judged by its mirrored calls, in the canary by the calls it served. */
    private ArmMetrics candidateArm(ArmMetricsReport report) {
        return phase == RolloutPhase.SHADOW ? report.shadow() : report.candidate();
    }

    private void retryLater(Exception failure, Instant now) {
        queryFailures++;
        if (queryFailures <= settings.maxQueryRetries()) {
            log.warn("Rollout {} on {}: metrics query failed ({}), retry {} of {} in {}", rolloutId, deploymentId,
                    failure.toString(), queryFailures, settings.maxQueryRetries(), settings.queryRetryDelay());
            scheduleAnalysis(settings.queryRetryDelay());
        } else {
            log.warn("Rollout {} on {}: metrics query failed ({}) {} times; this analysis is inconclusive", rolloutId,
                    deploymentId, failure.toString(), queryFailures);
            queryFailures = 0;
            scheduleAnalysis(untilNextAnalysis(now));
        }
    }

    /**
     * Asks the deployment to abort, and keeps a deadline: should the abort be lost, the next
     * analysis finds the attempts used up and asks again.
     */
    private void abort(int inconclusive, Instant now) {
        String reason = "no conclusive analysis after " + inconclusive + " attempts";
        log.warn("Rollout {} on {}: {} at step {}; aborting", rolloutId, deploymentId, reason, step);
        scheduleAnalysis(untilNextAnalysis(now));
        send(new AbortRollout(deploymentId, rolloutId, reason, Actor.system()));
    }

    /** The analysis interval, but in a shadow phase with a duration not before that duration has passed. */
    private Duration untilNextAnalysis(Instant now) {
        Duration interval = strategy.analysisInterval();
        if (phase != RolloutPhase.SHADOW || strategy.shadow() == null || strategy.shadow().duration() == null) {
            return interval;
        }
        Duration shadowLeft = Duration.between(now, startedAt.plus(strategy.shadow().duration()));
        return shadowLeft.compareTo(interval) > 0 ? shadowLeft : interval;
    }

    private void scheduleAnalysis(Duration delay) {
        cancelAnalysis();
        deadlineSequence++;
        deadlineId = deadlineManager.schedule(delay, ANALYSIS, new AnalysisDue(step, deadlineSequence));
    }

    private void cancelAnalysis() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(ANALYSIS, deadlineId);
            deadlineId = null;
        }
    }

    /** A refused command (a stale step, a paused or ended rollout) is logged: the next event or deadline moves on. */
    private void send(Object command) {
        SagaCommands.send(commandGateway, command,
                (name, why) -> log.warn("Rollout {} on {}: {} {}", rolloutId, deploymentId, name, why));
    }
}
