package io.storyteller.query.budget;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.BudgetStanding;
import io.storyteller.domain.budget.BudgetView;
import io.storyteller.domain.budget.FindBudget;
import io.storyteller.domain.budget.FindBudgetStanding;
import io.storyteller.domain.budget.WhenExhausted;
import io.storyteller.projections.schema.BudgetScopes;
import io.storyteller.projections.schema.Columns;
import io.storyteller.query.access.Viewer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers what the spend limits are: to people ({@link FindBudget}: platform admins both, a world's
 * owner and admins their world's; to anyone else there is none), and to the narration engine
 * ({@link FindBudgetStanding}: the limits with the day's and month's spend, in two small reads).
 */
@Component
public class BudgetQueries {

    private final JdbcClient jdbc;

    public BudgetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<BudgetView> handle(FindBudget query) {
        String worldId = query.worldId() == null || query.worldId().isBlank() ? null : query.worldId();
        if (!SpendAccess.mayRead(jdbc, Viewer.of(query.viewer()), worldId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM budgets WHERE scope = :scope")
                .param("scope", worldId == null ? BudgetScopes.GLOBAL : BudgetScopes.world(worldId))
                .query(BudgetQueries::view)
                .optional();
    }

    @QueryHandler
    public BudgetStanding handle(FindBudgetStanding query) {
        BudgetLimits[] limits = new BudgetLimits[2];
        jdbc.sql("SELECT * FROM budgets WHERE scope IN (:global, :world)")
                .param("global", BudgetScopes.GLOBAL)
                .param("world", BudgetScopes.world(query.worldId()))
                .query(rs -> {
                    limits[BudgetScopes.GLOBAL.equals(rs.getString("scope")) ? 1 : 0] = limits(rs);
                });
        BigDecimal[] spent = jdbc.sql("""
                        SELECT coalesce(sum(cost) FILTER (WHERE world_id = :world AND day = :day), 0) AS world_day,
                               coalesce(sum(cost) FILTER (WHERE world_id = :world), 0) AS world_month,
                               coalesce(sum(cost) FILTER (WHERE day = :day), 0) AS global_day,
                               coalesce(sum(cost), 0) AS global_month
                        FROM spend_entries WHERE day BETWEEN :monthStart AND :day""")
                .param("world", query.worldId())
                .param("day", query.day())
                .param("monthStart", query.day().withDayOfMonth(1))
                .query((rs, row) -> new BigDecimal[] {rs.getBigDecimal("world_day"), rs.getBigDecimal("world_month"),
                        rs.getBigDecimal("global_day"), rs.getBigDecimal("global_month")})
                .single();
        return new BudgetStanding(query.day(), limits[0], limits[1], spent[0], spent[1], spent[2], spent[3]);
    }

    private static BudgetView view(ResultSet rs, int row) throws SQLException {
        BudgetLimits limits = limits(rs);
        return new BudgetView(rs.getString("world_id"), limits.dailyUsd(), limits.monthlyUsd(), limits.whenExhausted(),
                rs.getString("set_by"), Columns.instant(rs, "set_at"));
    }

    private static BudgetLimits limits(ResultSet rs) throws SQLException {
        return new BudgetLimits(plain(rs.getBigDecimal("daily_usd")), plain(rs.getBigDecimal("monthly_usd")),
                WhenExhausted.valueOf(rs.getString("when_exhausted")));
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
