package io.storyteller.query.deployment;

import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.projections.schema.Columns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers what each arm of a rollout measured since an instant, computed by PostgreSQL over
 * {@code narration_outcomes} in one statement. Per arm:
 * <ul>
 *   <li>samples: every call, failed ones included; error rate: the failed share;</li>
 *   <li>latency p95: {@code percentile_cont(0.95)} over the calls that succeeded (a failure has
 *       no latency), rounded up to the millisecond;</li>
 *   <li>guardrail block rate: the share of its candidates the guardrail refused; detector score:
 *       the mean over the candidates that answered;</li>
 *   <li>rating: per call the player's rating where given, else the review total mapped onto 1..5
 *       ({@code 1 + 4 × total}); the mean, null when there is neither. A judge stage's row (detector,
 *       guardrail, reviewer deployments) counts the player's rating only: a reviewer's own score
 *       measures the candidate, not the reviewer;</li>
 *   <li>cost per beat: the mean cost of the calls that succeeded (USD, 12 decimals at most).</li>
 * </ul>
 * An arm without calls has zero samples and zeros (rating null). It carries no viewer: only the
 * platform (the rollout saga) asks, and it reveals no player data.
 */
@Component
public class ArmMetricsQueries {

    static final String METRICS = """
            SELECT arm,
                   count(*) AS samples,
                   count(*) FILTER (WHERE failed) AS failures,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE NOT failed) AS latency_p95,
                   avg(CASE WHEN guardrail_blocked THEN 1.0 ELSE 0.0 END) AS guardrail_block_rate,
                   avg(detector_score) FILTER (WHERE NOT failed) AS detector_score,
                   avg(coalesce(rating, CASE WHEN stage IS NULL THEN 1 + 4 * review_score END)) AS rating,
                   round(avg(cost) FILTER (WHERE NOT failed), 12) AS cost_per_beat
            FROM narration_outcomes
            WHERE deployment_id = :deploymentId AND rollout_id = :rolloutId AND occurred_at >= :since
              AND (CAST(:step AS integer) IS NULL OR rollout_step = :step)
            GROUP BY arm""";

    /** A window without a start counts every call of the rollout. */
    private static final Instant EVER = Instant.EPOCH;

    private static final ArmMetrics NONE = new ArmMetrics(0, 0, 0, 0, 0, null, BigDecimal.ZERO);

    private final JdbcClient jdbc;

    public ArmMetricsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ArmMetricsReport handle(FindArmMetrics query) {
        Map<NarrationArm, ArmMetrics> arms = new EnumMap<>(NarrationArm.class);
        jdbc.sql(METRICS)
                .param("deploymentId", query.deploymentId())
                .param("rolloutId", query.rolloutId())
                .param("since", Columns.time(query.since() == null ? EVER : query.since()))
                .param("step", query.step(), Types.INTEGER)
                .query((ResultSet rs) -> {
                    arms.put(NarrationArm.valueOf(rs.getString("arm")), metrics(rs));
                });
        return new ArmMetricsReport(arms.getOrDefault(NarrationArm.STABLE, NONE),
                arms.getOrDefault(NarrationArm.CANARY, NONE), arms.getOrDefault(NarrationArm.SHADOW, NONE));
    }

    private static ArmMetrics metrics(ResultSet rs) throws SQLException {
        long samples = rs.getLong("samples");
        double p95 = rs.getDouble("latency_p95");
        double rating = rs.getDouble("rating");
        Double meanRating = rs.wasNull() ? null : rating;
        BigDecimal cost = rs.getBigDecimal("cost_per_beat");
        return new ArmMetrics(samples,
                samples == 0 ? 0 : (double) rs.getLong("failures") / samples,
                (long) Math.ceil(p95),
                rs.getDouble("guardrail_block_rate"),
                rs.getDouble("detector_score"),
                meanRating,
                cost == null ? BigDecimal.ZERO : cost.stripTrailingZeros());
    }
}
