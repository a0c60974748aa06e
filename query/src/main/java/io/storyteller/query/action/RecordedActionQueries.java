package io.storyteller.query.action;

import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.story.FindRecentPlayerActions;
import io.storyteller.domain.story.RecordedPlayerAction;
import io.storyteller.projections.schema.Columns;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the most recent recorded player actions, of a world or of all worlds, oldest first,
 * with their world's name. Player text of every world is read here, so only the platform and
 * those who manage models may ask.
 */
@Component
public class RecordedActionQueries {

    /** At most this many actions in one answer. */
    static final int MAX_LIMIT = 1000;

    private static final String NEWEST = """
            SELECT * FROM (
                SELECT a.world_id, w.name AS world_name, a.story_id, a.action_beat_id, a.text, a.position, a.submitted_at
                FROM recorded_actions a LEFT JOIN worlds w ON w.world_id = a.world_id
                WHERE CAST(:worldId AS text) IS NULL OR a.world_id = :worldId
                ORDER BY a.submitted_at DESC, a.position DESC
                LIMIT :limit) newest
            ORDER BY submitted_at, position""";

    private final JdbcClient jdbc;

    public RecordedActionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<RecordedPlayerAction> handle(FindRecentPlayerActions query) {
        ModelAuthority.require(query.viewer());
        int limit = Require.range("limit", query.limit(), 1, MAX_LIMIT);
        String worldId = query.worldId() == null || query.worldId().isBlank() ? null : query.worldId();
        return jdbc.sql(NEWEST)
                .param("worldId", worldId)
                .param("limit", limit)
                .query((rs, row) -> new RecordedPlayerAction(rs.getString("world_id"), rs.getString("world_name"),
                        rs.getString("story_id"), rs.getString("action_beat_id"), rs.getString("text"),
                        Columns.instant(rs, "submitted_at")))
                .list();
    }
}
