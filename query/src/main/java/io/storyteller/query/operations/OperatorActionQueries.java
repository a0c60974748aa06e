package io.storyteller.query.operations;

import io.storyteller.domain.processing.FindOperatorActions;
import io.storyteller.domain.processing.OperatorActionView;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.projections.schema.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The operator log, newest first, a page at a time, for platform admins only. */
@Component
public class OperatorActionQueries {

    private final JdbcClient jdbc;

    public OperatorActionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<OperatorActionView> handle(FindOperatorActions query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        LogPage page = LogPage.of(query.first(), query.after());
        return jdbc.sql("SELECT * FROM operator_actions" + page.where() + " ORDER BY global_index DESC LIMIT :limit")
                .params(page.params())
                .query(OperatorActionQueries::view)
                .list();
    }

    private static OperatorActionView view(ResultSet rs, int row) throws SQLException {
        return new OperatorActionView(rs.getLong("global_index"), rs.getString("action_id"), rs.getString("operator_id"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getBoolean("succeeded"),
                Columns.instant(rs, "at"));
    }
}
