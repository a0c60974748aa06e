package io.storyteller.projections.schema;

import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.GuardrailAction;
import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.domain.world.WorldMemberView;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** The {@code worlds} and {@code world_members} tables read as {@link WorldView}s. */
public final class WorldRows {

    /**
     * Selects worlds as {@code w}; callers append WHERE/ORDER BY. Member ids and roles come as two
     * arrays in the same (total) order, zipped by the mapper.
     */
    public static final String SELECT = """
            SELECT w.world_id, w.name, w.premise, w.genre, w.tone, w.content_rating, w.narrative_style,
                   w.owner_id, w.archived, w.created_at, w.updated_at,
                   w.ensemble_candidates, w.ensemble_deployments, w.turn_deadline_ms, w.detector_threshold,
                   w.max_tries, w.guardrail_action,
                   ARRAY(SELECT m.user_id FROM world_members m WHERE m.world_id = w.world_id
                         ORDER BY m.joined_at, m.user_id) AS member_ids,
                   ARRAY(SELECT m.role FROM world_members m WHERE m.world_id = w.world_id
                         ORDER BY m.joined_at, m.user_id) AS member_roles
            FROM worlds w
            """;

    public static final RowMapper<WorldView> VIEW = WorldRows::view;

    private WorldRows() {
    }

    public static WorldView view(ResultSet rs, int rowNum) throws SQLException {
        List<String> ids = Columns.texts(rs, "member_ids");
        List<String> roles = Columns.texts(rs, "member_roles");
        List<WorldMemberView> members = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            members.add(new WorldMemberView(ids.get(i), WorldRole.valueOf(roles.get(i))));
        }
        return new WorldView(
                rs.getString("world_id"),
                new WorldSettings(rs.getString("name"), rs.getString("premise"), rs.getString("genre"),
                        rs.getString("tone"), ContentRating.valueOf(rs.getString("content_rating")),
                        rs.getString("narrative_style")),
                rs.getString("owner_id"),
                rs.getBoolean("archived"),
                List.copyOf(members),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                new NarrationPolicy(rs.getInt("ensemble_candidates"), Columns.texts(rs, "ensemble_deployments"),
                        Duration.ofMillis(rs.getLong("turn_deadline_ms")), rs.getDouble("detector_threshold"),
                        rs.getInt("max_tries"), GuardrailAction.valueOf(rs.getString("guardrail_action"))));
    }
}
