package io.storyteller.projections.schema;

import io.storyteller.domain.story.StoryStatus;
import io.storyteller.domain.story.StoryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The {@code stories} and {@code story_participants} tables read as {@link StoryView}s. */
public final class StoryRows {

    /** Selects stories as {@code s}, participants in joining order; callers append WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT s.story_id, s.world_id, s.title, s.owner_id, s.status, s.authors_note,
                   s.pinned_memory, s.beat_count, s.narration_pending, s.started_at, s.updated_at,
                   ARRAY(SELECT p.user_id FROM story_participants p WHERE p.story_id = s.story_id
                         ORDER BY p.joined_at, p.user_id) AS participants
            FROM stories s
            """;

    public static final RowMapper<StoryView> VIEW = StoryRows::view;

    private StoryRows() {
    }

    public static StoryView view(ResultSet rs, int rowNum) throws SQLException {
        return new StoryView(
                rs.getString("story_id"),
                rs.getString("world_id"),
                rs.getString("title"),
                rs.getString("owner_id"),
                Columns.texts(rs, "participants"),
                StoryStatus.valueOf(rs.getString("status")),
                rs.getString("authors_note"),
                rs.getString("pinned_memory"),
                rs.getInt("beat_count"),
                rs.getBoolean("narration_pending"),
                Columns.instant(rs, "started_at"),
                Columns.instant(rs, "updated_at"));
    }
}
