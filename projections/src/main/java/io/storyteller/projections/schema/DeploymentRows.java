package io.storyteller.projections.schema;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The {@code deployments} table read as {@link DeploymentView}s. */
public final class DeploymentRows {

    /** Selects deployments as {@code d}; callers append WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT d.deployment_id, d.use_case, d.world_id, d.stable_model_id, d.stable_version,
                   d.rollout_id, d.rollout_candidate_model_id, d.rollout_candidate_version, d.rollout_strategy,
                   d.rollout_phase, d.rollout_step, d.rollout_weight, d.rollout_paused, d.rollout_reason,
                   d.rollout_started_at, d.created_at, d.updated_at
            FROM deployments d
            """;

    public static final RowMapper<DeploymentView> VIEW = DeploymentRows::view;

    private DeploymentRows() {
    }

    public static DeploymentView view(ResultSet rs, int rowNum) throws SQLException {
        return new DeploymentView(
                rs.getString("deployment_id"),
                UseCase.valueOf(rs.getString("use_case")),
                rs.getString("world_id"),
                new ModelRef(rs.getString("stable_model_id"), rs.getString("stable_version")),
                rollout(rs),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }

    private static RolloutProgress rollout(ResultSet rs) throws SQLException {
        String rolloutId = rs.getString("rollout_id");
        if (rolloutId == null) {
            return null;
        }
        return new RolloutProgress(rolloutId,
                new ModelRef(rs.getString("rollout_candidate_model_id"), rs.getString("rollout_candidate_version")),
                JsonColumns.read(rs.getString("rollout_strategy"), RolloutStrategy.class),
                RolloutPhase.valueOf(rs.getString("rollout_phase")),
                rs.getInt("rollout_step"),
                rs.getInt("rollout_weight"),
                rs.getBoolean("rollout_paused"),
                rs.getString("rollout_reason"),
                Columns.instant(rs, "rollout_started_at"));
    }
}
