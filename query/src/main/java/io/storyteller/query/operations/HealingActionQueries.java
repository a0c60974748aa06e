package io.storyteller.query.operations;

import io.storyteller.domain.healing.FindHealingActions;
import io.storyteller.domain.healing.HealingActionView;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.projections.schema.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The healing log, newest first, a page at a time, of one kind when asked, for platform admins only. */
@Component
public class HealingActionQueries {

    private final JdbcClient jdbc;

    public HealingActionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<HealingActionView> handle(FindHealingActions query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        LogPage page = LogPage.of(query.first(), query.after());
        if (query.kind() != null) {
            page = page.and("kind = :kind", "kind", query.kind().name());
        }
        return jdbc.sql("SELECT * FROM healing_actions" + page.where() + " ORDER BY global_index DESC LIMIT :limit")
                .params(page.params())
                .query(HealingActionQueries::view)
                .list();
    }

    private static HealingActionView view(ResultSet rs, int row) throws SQLException {
        return new HealingActionView(rs.getLong("global_index"), rs.getString("action_id"),
                HealingKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("detail"),
                HealingOutcome.valueOf(rs.getString("outcome")), rs.getInt("occurrences"), Columns.instant(rs, "at"));
    }
}
