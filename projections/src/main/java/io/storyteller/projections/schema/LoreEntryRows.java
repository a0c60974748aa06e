package io.storyteller.projections.schema;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** The {@code lore_entries} table read as {@link LoreEntryView}s. */
public final class LoreEntryRows {

    /** Selects lore entries as {@code l}; callers append WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT l.world_id, l.lore_entry_id, l.title, l.trigger_keys, l.content, l.category,
                   l.priority, l.always_on, l.retired, l.revision, l.updated_at
            FROM lore_entries l
            """;

    public static final RowMapper<LoreEntryView> VIEW = LoreEntryRows::view;

    private LoreEntryRows() {
    }

    public static LoreEntryView view(ResultSet rs, int rowNum) throws SQLException {
        return new LoreEntryView(
                rs.getString("lore_entry_id"),
                rs.getString("world_id"),
                new LoreContent(rs.getString("title"), Columns.texts(rs, "trigger_keys"), rs.getString("content"),
                        rs.getString("category"), rs.getInt("priority"), rs.getBoolean("always_on")),
                rs.getBoolean("retired"),
                rs.getInt("revision"),
                Columns.instant(rs, "updated_at"));
    }
}
