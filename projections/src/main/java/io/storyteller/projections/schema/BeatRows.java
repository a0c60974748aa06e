package io.storyteller.projections.schema;

import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The {@code beats} table read as {@link BeatView}s. */
public final class BeatRows {

    /** Every column a {@link BeatView} needs, unqualified so it also fits a sub-select. */
    public static final String COLUMNS = """
            beat_id, story_id, position, kind, player_id, text, edited, original_text,
            alternatives, selected_alternative, rating, provenance, created_at""";

    /** Maps a row holding {@link #COLUMNS}. */
    public static final RowMapper<BeatView> VIEW = BeatRows::view;

    private BeatRows() {
    }

    public static BeatView view(ResultSet rs, int rowNum) throws SQLException {
        return new BeatView(
                rs.getString("beat_id"),
                rs.getString("story_id"),
                rs.getInt("position"),
                BeatKind.valueOf(rs.getString("kind")),
                rs.getString("player_id"),
                rs.getString("text"),
                rs.getBoolean("edited"),
                rs.getString("original_text"),
                Columns.texts(rs, "alternatives"),
                rs.getInt("selected_alternative"),
                Columns.nullableInt(rs, "rating"),
                ProvenanceJson.read(rs.getString("provenance")),
                Columns.instant(rs, "created_at"));
    }
}
