package io.storyteller.projections.world;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code lore_entries}. The revision counts content versions (1 when added); each row
 * remembers the world's sequence number of the last event applied to it, so an event delivered
 * again cannot count twice.
 */
@Component
@ProcessingGroup(WorldProjection.GROUP)
@AllowReplay
public class LoreProjection {

    private final JdbcClient jdbc;

    public LoreProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LoreEntryAdded event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO lore_entries (world_id, lore_entry_id, title, trigger_keys, content, category,
                                          priority, always_on, retired, revision, last_event_seq,
                                          created_at, updated_at)
                VALUES (:worldId, :loreEntryId, :title, :triggerKeys, :content, :category,
                        :priority, :alwaysOn, false, 1, :seq, :at, :at)
                ON CONFLICT (world_id, lore_entry_id) DO NOTHING""")
                .params(content(event.content()))
                .param("worldId", event.worldId())
                .param("loreEntryId", event.loreEntryId())
                .param("seq", seq)
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(LoreEntryRevised event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE lore_entries SET title = :title, trigger_keys = :triggerKeys, content = :content,
                       category = :category, priority = :priority, always_on = :alwaysOn,
                       revision = revision + 1, last_event_seq = :seq, updated_at = :at
                WHERE world_id = :worldId AND lore_entry_id = :loreEntryId AND last_event_seq < :seq""")
                .params(content(event.content()))
                .param("worldId", event.worldId())
                .param("loreEntryId", event.loreEntryId())
                .param("seq", seq)
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(LoreEntryRetired event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE lore_entries SET retired = true, last_event_seq = :seq, updated_at = :at
                WHERE world_id = :worldId AND lore_entry_id = :loreEntryId AND last_event_seq < :seq""")
                .param("worldId", event.worldId())
                .param("loreEntryId", event.loreEntryId())
                .param("seq", seq)
                .param("at", Columns.time(at))
                .update();
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE lore_entries").update();
    }

    private static Map<String, Object> content(LoreContent content) {
        String category = content.category() == null || content.category().isBlank() ? "general" : content.category();
        return Map.of(
                "title", content.title(),
                "triggerKeys", Columns.textArray(content.triggerKeys()),
                "content", content.content(),
                "category", category,
                "priority", content.priority(),
                "alwaysOn", content.alwaysOn());
    }
}
