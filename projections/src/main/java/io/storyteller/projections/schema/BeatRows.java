package io.storyteller.projections.schema;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatFlag;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** The {@code beats} table read as {@link BeatView}s. */
public final class BeatRows {

    /**
     * Every column a {@link BeatView} needs, unqualified so it also fits a sub-select. The
     * provenance shown is the selected alternative's (null for a player's action).
     */
    public static final String COLUMNS = """
            beat_id, story_id, position, kind, player_id, text, edited, original_text,
            alternatives, selected_alternative, rating,
            alternative_provenances[selected_alternative + 1] AS provenance, created_at,
            flag_categories, flag_severity, flag_real_world, flagged_by""";

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
                Columns.instant(rs, "created_at"),
                flag(rs));
    }

    private static BeatFlag flag(ResultSet rs) throws SQLException {
        String categories = rs.getString("flag_categories");
        if (categories == null) {
            return null;
        }
        List<HarmCategory> named = categories.isEmpty() ? List.of() : Arrays.stream(categories.split(","))
                .map(HarmCategory::valueOf).toList();
        return new BeatFlag(named, rs.getInt("flag_severity"), rs.getBoolean("flag_real_world"), rs.getString("flagged_by"));
    }
}
