package io.storyteller.projections.deployment;

import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.RolloutAborted;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutResumed;
import io.storyteller.domain.deployment.RolloutRolledBack;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.StableModelReplaced;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code deployments} (each slot's stable model and the progress of its rollout in progress)
 * and {@code rollout_history} (what happened to each rollout, when), then sends watchers the
 * slot's fresh view. The progress' reason is the one the rollout was started with.
 */
@Component
@ProcessingGroup(DeploymentProjection.GROUP)
@AllowReplay
public class DeploymentProjection {

    /** The processing group of every Deployment event handler. */
    public static final String GROUP = "deployments";

    /** The assignments that clear the rollout in progress. */
    private static final String NO_ROLLOUT = """
            rollout_id = NULL, rollout_candidate_model_id = NULL, rollout_candidate_version = NULL,
            rollout_strategy = NULL, rollout_phase = NULL, rollout_step = NULL, rollout_weight = NULL,
            rollout_paused = NULL, rollout_reason = NULL, rollout_started_at = NULL""";

    private final DeploymentTable deployments;
    private final DeploymentUpdates updates;

    public DeploymentProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.deployments = new DeploymentTable(jdbc);
        this.updates = new DeploymentUpdates(emitter);
    }

    @EventHandler
    void on(DeploymentCreated event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.create(event.deploymentId(), event.useCase().name(), event.worldId(), event.stable(), seq, at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(StableModelReplaced event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(), "stable_model_id = :modelId, stable_version = :version",
                Map.of("modelId", event.stable().modelId(), "version", event.stable().version()), seq, at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutStarted event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        Map<String, Object> params = new HashMap<>();
        params.put("rolloutId", event.rolloutId());
        params.put("candidateId", event.candidate().modelId());
        params.put("candidateVersion", event.candidate().version());
        params.put("strategy", JsonColumns.write(event.strategy()));
        params.put("phase", event.phase().name());
        params.put("step", event.step());
        params.put("weight", event.weight());
        params.put("reason", event.reason());
        params.put("startedAt", Columns.time(at));
        deployments.update(event.deploymentId(), """
                rollout_id = :rolloutId, rollout_candidate_model_id = :candidateId,
                rollout_candidate_version = :candidateVersion, rollout_strategy = CAST(:strategy AS jsonb),
                rollout_phase = :phase, rollout_step = :step, rollout_weight = :weight, rollout_paused = false,
                rollout_reason = :reason, rollout_started_at = :startedAt""", params, seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "STARTED", event.candidate(), event.step(),
                event.weight(), event.reason(), event.startedBy(), at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutAdvanced event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(),
                "rollout_phase = :phase, rollout_step = :step, rollout_weight = :weight",
                Map.of("phase", RolloutPhase.CANARY.name(), "step", event.step(), "weight", event.weight()), seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "ADVANCED", null, event.step(),
                event.weight(), null, event.advancedBy(), at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutPaused event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(), "rollout_paused = true", Map.of(), seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "PAUSED", null, null, null, event.reason(),
                event.pausedBy(), at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutResumed event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(), "rollout_paused = false", Map.of(), seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "RESUMED", null, null, null, null,
                event.resumedBy(), at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutPromoted event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(),
                "stable_model_id = :modelId, stable_version = :version, " + NO_ROLLOUT,
                Map.of("modelId", event.newStable().modelId(), "version", event.newStable().version()), seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "PROMOTED", event.newStable(), null, null,
                event.reason(), event.promotedBy(), at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutRolledBack event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(), NO_ROLLOUT, Map.of(), seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "ROLLED_BACK", event.candidate(), null, null,
                event.reason(), event.rolledBackBy(), at);
        changed(event.deploymentId(), replay);
    }

    @EventHandler
    void on(RolloutAborted event, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        deployments.update(event.deploymentId(), NO_ROLLOUT, Map.of(), seq, at);
        deployments.history(event.deploymentId(), seq, event.rolloutId(), "ABORTED", event.candidate(), null, null,
                event.reason(), event.abortedBy(), at);
        changed(event.deploymentId(), replay);
    }

    /** Before a replay: the replay rebuilds both tables from the first event. */
    @ResetHandler
    public void reset() {
        deployments.clear();
    }

    private void changed(String deploymentId, ReplayStatus replay) {
        if (!replay.isReplay()) {
            deployments.find(deploymentId).ifPresent(updates::changed);
        }
    }
}
