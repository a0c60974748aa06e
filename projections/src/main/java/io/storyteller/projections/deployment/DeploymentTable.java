package io.storyteller.projections.deployment;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.DeploymentRows;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes to {@code deployments} and {@code rollout_history}. A slot's row remembers the
 * sequence number of the last event applied, so an update only ever moves it forward; history
 * rows are keyed by the event's sequence number.
 */
final class DeploymentTable {

    private final JdbcClient jdbc;

    DeploymentTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String deploymentId, String useCase, String worldId, ModelRef stable, long seq, Instant at) {
        jdbc.sql("""
                INSERT INTO deployments (deployment_id, use_case, world_id, stable_model_id, stable_version,
                                         last_event_seq, created_at, updated_at)
                VALUES (:deploymentId, :useCase, :worldId, :modelId, :version, :seq, :at, :at)
                ON CONFLICT (deployment_id) DO NOTHING""")
                .param("deploymentId", deploymentId)
                .param("useCase", useCase)
                .param("worldId", worldId)
                .param("modelId", stable.modelId())
                .param("version", stable.version())
                .param("seq", seq)
                .param("at", Columns.time(at))
                .update();
    }

    /**
     * Applies {@code assignments} (fixed SQL written in this package, never input) to the slot if
     * the event is newer than the last one applied.
     */
    void update(String deploymentId, String assignments, Map<String, ?> params, long seq, Instant at) {
        jdbc.sql("UPDATE deployments SET " + assignments + ", last_event_seq = :seq, updated_at = :at"
                        + " WHERE deployment_id = :deploymentId AND last_event_seq < :seq")
                .params(params)
                .param("deploymentId", deploymentId)
                .param("seq", seq)
                .param("at", Columns.time(at))
                .update();
    }

    void history(String deploymentId, long seq, String rolloutId, String kind, ModelRef candidate, Integer step,
                 Integer weight, String reason, String actor, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("deploymentId", deploymentId);
        params.put("seq", seq);
        params.put("rolloutId", rolloutId);
        params.put("kind", kind);
        params.put("candidateId", candidate == null ? null : candidate.modelId());
        params.put("candidateVersion", candidate == null ? null : candidate.version());
        params.put("step", step);
        params.put("weight", weight);
        params.put("reason", reason);
        params.put("actor", actor);
        params.put("at", Columns.time(at));
        jdbc.sql("""
                INSERT INTO rollout_history (deployment_id, event_seq, rollout_id, kind, candidate_model_id,
                                             candidate_version, step, weight, reason, actor, occurred_at)
                VALUES (:deploymentId, :seq, :rolloutId, :kind, :candidateId, :candidateVersion, :step, :weight,
                        :reason, :actor, :at)
                ON CONFLICT (deployment_id, event_seq) DO NOTHING""")
                .params(params)
                .update();
    }

    Optional<DeploymentView> find(String deploymentId) {
        return jdbc.sql(DeploymentRows.SELECT + " WHERE d.deployment_id = :deploymentId")
                .param("deploymentId", deploymentId)
                .query(DeploymentRows.VIEW)
                .optional();
    }

    void clear() {
        jdbc.sql("TRUNCATE deployments, rollout_history").update();
    }
}
