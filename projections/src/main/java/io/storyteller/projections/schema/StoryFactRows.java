package io.storyteller.projections.schema;

import io.storyteller.domain.story.StoryFactView;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The {@code story_facts} table read as {@link StoryFactView}s. */
public final class StoryFactRows {

    /** Selects facts as {@code f} with their story as {@code s} (for the read rules); callers append WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT f.story_id, f.fact_key, f.kind, f.entity, f.attribute, f.value, f.since_beat, f.evidence,
                   f.beat_id, f.pinned_by, f.corrected_by
            FROM story_facts f JOIN stories s ON s.story_id = f.story_id
            """;

    public static final RowMapper<StoryFactView> VIEW = StoryFactRows::view;

    private StoryFactRows() {
    }

    public static StoryFactView view(ResultSet rs, int rowNum) throws SQLException {
        return new StoryFactView(
                rs.getString("story_id"),
                rs.getString("fact_key"),
                rs.getString("kind"),
                rs.getString("entity"),
                rs.getString("attribute"),
                rs.getString("value"),
                rs.getInt("since_beat"),
                rs.getString("evidence"),
                rs.getString("beat_id"),
                rs.getString("pinned_by"),
                rs.getString("corrected_by"));
    }
}
