package io.storyteller.projections.deployment;

import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the evidence of a slot's decisions: {@code rollout_analyses} (one row per
 * {@link RolloutAnalyzed}: both arms' metrics, gate results, verdict, rationale) and
 * {@code auto_switch_decisions} (one per {@link AutoSwitchDecided}). Rows are keyed by the slot's
 * event sequence number, so a redelivered event is kept once.
 */
@Component
@ProcessingGroup(DeploymentProjection.GROUP)
@AllowReplay
public class RolloutDecisionProjection {

    private final JdbcClient jdbc;

    public RolloutDecisionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RolloutAnalyzed event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO rollout_analyses (deployment_id, event_seq, rollout_id, step, phase, stable, candidate,
                                              results, verdict, rationale, analyzed_by, analyzed_at)
                VALUES (:deploymentId, :seq, :rolloutId, :step, :phase, CAST(:stable AS jsonb),
                        CAST(:candidate AS jsonb), CAST(:results AS jsonb), :verdict, :rationale, :analyzedBy, :at)
                ON CONFLICT (deployment_id, event_seq) DO NOTHING""")
                .param("deploymentId", event.deploymentId())
                .param("seq", seq)
                .param("rolloutId", event.rolloutId())
                .param("step", event.step())
                .param("phase", event.phase().name())
                .param("stable", JsonColumns.write(event.stable()))
                .param("candidate", JsonColumns.write(event.candidate()))
                .param("results", JsonColumns.write(event.results()))
                .param("verdict", event.verdict().name())
                .param("rationale", event.rationale())
                .param("analyzedBy", event.analyzedBy())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(AutoSwitchDecided event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("deploymentId", event.deploymentId());
        params.put("seq", seq);
        params.put("candidateId", event.candidate().modelId());
        params.put("candidateVersion", event.candidate().version());
        params.put("stableId", event.stable().modelId());
        params.put("stableVersion", event.stable().version());
        params.put("switching", event.switching());
        params.put("rationale", event.rationale());
        params.put("candidateEvaluation", JsonColumns.write(event.candidateEvaluation()));
        params.put("stableEvaluation", JsonColumns.write(event.stableEvaluation()));
        params.put("policy", JsonColumns.write(event.policy()));
        params.put("rolloutId", event.rolloutId());
        params.put("decidedBy", event.decidedBy());
        params.put("at", Columns.time(at));
        jdbc.sql("""
                INSERT INTO auto_switch_decisions (deployment_id, event_seq, candidate_model_id, candidate_version,
                                                   stable_model_id, stable_version, switching, rationale,
                                                   candidate_evaluation, stable_evaluation, policy, rollout_id,
                                                   decided_by, decided_at)
                VALUES (:deploymentId, :seq, :candidateId, :candidateVersion, :stableId, :stableVersion, :switching,
                        :rationale, CAST(:candidateEvaluation AS jsonb), CAST(:stableEvaluation AS jsonb),
                        CAST(:policy AS jsonb), :rolloutId, :decidedBy, :at)
                ON CONFLICT (deployment_id, event_seq) DO NOTHING""")
                .params(params)
                .update();
    }

    /** Before a replay: the replay rebuilds both tables from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE rollout_analyses, auto_switch_decisions").update();
    }
}
