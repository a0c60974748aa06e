package io.storyteller.query.budget;

import io.storyteller.domain.budget.FindSpend;
import io.storyteller.domain.budget.SpendDimension;
import io.storyteller.domain.budget.SpendLine;
import io.storyteller.query.access.Viewer;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers what narration cost, summed from {@code spend_entries} by world, deployment and UTC day
 * as asked. A span longer than {@link #MAX_DAYS} days, or one ending before it begins, is nothing.
 */
@Component
public class SpendQueries {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;

    public SpendQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<SpendLine> handle(FindSpend query) {
        String worldId = query.worldId() == null || query.worldId().isBlank() ? null : query.worldId();
        LocalDate to = query.to() == null ? LocalDate.now(java.time.ZoneOffset.UTC) : query.to();
        LocalDate from = query.from() == null ? to.withDayOfMonth(1) : query.from();
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)
                || !SpendAccess.mayRead(jdbc, Viewer.of(query.viewer()), worldId)) {
            return List.of();
        }
        boolean byWorld = query.groupBy().contains(SpendDimension.WORLD);
        boolean byDeployment = query.groupBy().contains(SpendDimension.DEPLOYMENT);
        boolean byDay = query.groupBy().contains(SpendDimension.DAY);
        List<String> groups = new ArrayList<>();
        if (byWorld) {
            groups.add("world_id");
        }
        if (byDeployment) {
            groups.add("deployment_id");
        }
        if (byDay) {
            groups.add("day");
        }
        String sql = "SELECT " + (byWorld ? "world_id" : "NULL") + " AS world_id, "
                + (byDeployment ? "deployment_id" : "NULL") + " AS deployment_id, "
                + (byDay ? "day" : "NULL::date") + " AS day, "
                + "count(*) AS calls, sum(prompt_tokens) AS prompt, sum(completion_tokens) AS completion, sum(cost) AS cost "
                + "FROM spend_entries WHERE day BETWEEN :from AND :to"
                + (worldId != null ? " AND world_id = :world" : "")
                + (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups))
                + " HAVING count(*) > 0 ORDER BY " + (byDay ? "day, " : "") + (byWorld ? "world_id, " : "")
                + (byDeployment ? "deployment_id NULLS FIRST, " : "") + "cost DESC";
        var statement = jdbc.sql(sql).param("from", from).param("to", to);
        if (worldId != null) {
            statement = statement.param("world", worldId);
        }
        return statement.query((rs, row) -> {
            Date day = rs.getDate("day");
            return new SpendLine(rs.getString("world_id"), rs.getString("deployment_id"),
                    day == null ? null : day.toLocalDate(), rs.getLong("calls"), rs.getLong("prompt"),
                    rs.getLong("completion"), rs.getBigDecimal("cost"));
        }).list();
    }
}
