package io.storyteller.projections.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.GateResult;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** The {@code rollout_analyses} table read as {@link RolloutAnalysisView}s. */
public final class RolloutAnalysisRows {

    /** Selects analyses as {@code a}; callers append WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT a.deployment_id, a.rollout_id, a.step, a.phase, a.stable, a.candidate, a.results, a.verdict,
                   a.rationale, a.analyzed_by, a.analyzed_at
            FROM rollout_analyses a
            """;

    public static final RowMapper<RolloutAnalysisView> VIEW = RolloutAnalysisRows::view;

    private static final TypeReference<List<GateResult>> RESULTS = new TypeReference<>() {
    };

    private RolloutAnalysisRows() {
    }

    public static RolloutAnalysisView view(ResultSet rs, int rowNum) throws SQLException {
        List<GateResult> results = JsonColumns.read(rs.getString("results"), RESULTS);
        return new RolloutAnalysisView(
                rs.getString("deployment_id"),
                rs.getString("rollout_id"),
                rs.getInt("step"),
                RolloutPhase.valueOf(rs.getString("phase")),
                JsonColumns.read(rs.getString("stable"), ArmMetrics.class),
                JsonColumns.read(rs.getString("candidate"), ArmMetrics.class),
                results == null ? List.of() : List.copyOf(results),
                Verdict.valueOf(rs.getString("verdict")),
                rs.getString("rationale"),
                rs.getString("analyzed_by"),
                Columns.instant(rs, "analyzed_at"));
    }
}
