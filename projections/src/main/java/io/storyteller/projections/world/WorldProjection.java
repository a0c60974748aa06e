package io.storyteller.projections.world;

import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.domain.world.NarrationPolicySet;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldMemberAdded;
import io.storyteller.domain.world.WorldMemberRemoved;
import io.storyteller.domain.world.WorldMemberRoleChanged;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldSettingsChanged;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code worlds} and {@code world_members}. Every write is an upsert or a keyed update, so
 * an event delivered twice leaves the same rows; a world's updated_at follows the changes a
 * {@code WorldView} shows (settings, members, archival).
 */
@Component
@ProcessingGroup(WorldProjection.GROUP)
@AllowReplay
public class WorldProjection {

    /** The processing group of every World event handler. */
    public static final String GROUP = "worlds";

    private final JdbcClient jdbc;

    public WorldProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorldCreated event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO worlds (world_id, name, premise, genre, tone, content_rating, narrative_style,
                                    owner_id, archived, created_at, updated_at)
                VALUES (:worldId, :name, :premise, :genre, :tone, :contentRating, :narrativeStyle,
                        :ownerId, false, :at, :at)
                ON CONFLICT (world_id) DO NOTHING""")
                .params(settings(event.settings()))
                .param("worldId", event.worldId())
                .param("ownerId", event.ownerId())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(WorldSettingsChanged event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE worlds SET name = :name, premise = :premise, genre = :genre, tone = :tone,
                       content_rating = :contentRating, narrative_style = :narrativeStyle, updated_at = :at
                WHERE world_id = :worldId""")
                .params(settings(event.settings()))
                .param("worldId", event.worldId())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(NarrationPolicySet event, @Timestamp Instant at) {
        NarrationPolicy policy = event.policy();
        jdbc.sql("""
                UPDATE worlds SET ensemble_candidates = :candidates, ensemble_deployments = :deployments,
                       turn_deadline_ms = :deadline, detector_threshold = :threshold, max_tries = :tries,
                       guardrail_action = :action, updated_at = :at
                WHERE world_id = :worldId""")
                .param("candidates", policy.candidates())
                .param("deployments", Columns.textArray(policy.deployments()))
                .param("deadline", policy.deadline().toMillis())
                .param("threshold", policy.detectorThreshold())
                .param("tries", policy.maxTries())
                .param("action", policy.guardrailAction().name())
                .param("worldId", event.worldId())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(WorldArchived event, @Timestamp Instant at) {
        jdbc.sql("UPDATE worlds SET archived = true, updated_at = :at WHERE world_id = :worldId")
                .param("worldId", event.worldId())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(WorldMemberAdded event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO world_members (world_id, user_id, role, joined_at)
                VALUES (:worldId, :userId, :role, :at)
                ON CONFLICT (world_id, user_id) DO UPDATE SET role = excluded.role, joined_at = excluded.joined_at""")
                .param("worldId", event.worldId())
                .param("userId", event.userId())
                .param("role", event.role().name())
                .param("at", Columns.time(at))
                .update();
        touch(event.worldId(), at);
    }

    @EventHandler
    void on(WorldMemberRoleChanged event, @Timestamp Instant at) {
        jdbc.sql("UPDATE world_members SET role = :role WHERE world_id = :worldId AND user_id = :userId")
                .param("worldId", event.worldId())
                .param("userId", event.userId())
                .param("role", event.role().name())
                .update();
        touch(event.worldId(), at);
    }

    @EventHandler
    void on(WorldMemberRemoved event, @Timestamp Instant at) {
        jdbc.sql("DELETE FROM world_members WHERE world_id = :worldId AND user_id = :userId")
                .param("worldId", event.worldId())
                .param("userId", event.userId())
                .update();
        touch(event.worldId(), at);
    }

    /** Before a replay: the replay rebuilds both tables from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE worlds, world_members").update();
    }

    private void touch(String worldId, Instant at) {
        jdbc.sql("UPDATE worlds SET updated_at = :at WHERE world_id = :worldId")
                .param("worldId", worldId)
                .param("at", Columns.time(at))
                .update();
    }

    private static Map<String, Object> settings(WorldSettings settings) {
        return Map.of(
                "name", settings.name(),
                "premise", settings.premise(),
                "genre", settings.genre(),
                "tone", settings.tone(),
                "contentRating", settings.contentRating().name(),
                "narrativeStyle", Objects.requireNonNullElse(settings.narrativeStyle(), ""));
    }
}
