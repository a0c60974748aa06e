package io.storyteller.projections.action;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code recorded_actions}: every player action with text, which the paid-model auto-switch
 * replays through a candidate and the stable model. An erased action is forgotten (the player took
 * it back), an edited one keeps its new text. A row is keyed by its story and beat, so a
 * redelivered event counts once; a reset truncates and the replay rebuilds it.
 */
@Component
@ProcessingGroup(RecordedActionProjection.GROUP)
@AllowReplay
public class RecordedActionProjection {

    /** The processing group of the recorded actions. */
    public static final String GROUP = "recorded-actions";

    private final JdbcClient jdbc;

    public RecordedActionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlayerActionSubmitted event, @Timestamp Instant at, TrackingToken token) {
        if (event.text() == null || event.text().isBlank()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO recorded_actions (story_id, action_beat_id, world_id, text, position, submitted_at)
                VALUES (:storyId, :beatId, :worldId, :text, :position, :at)
                ON CONFLICT (story_id, action_beat_id) DO NOTHING""")
                .param("storyId", event.storyId())
                .param("beatId", event.actionBeatId())
                .param("worldId", event.worldId())
                .param("text", event.text())
                .param("position", token == null ? 0L : token.position().orElse(0L))
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(BeatEdited event) {
        jdbc.sql("UPDATE recorded_actions SET text = :text WHERE story_id = :storyId AND action_beat_id = :beatId")
                .param("storyId", event.storyId())
                .param("beatId", event.beatId())
                .param("text", event.editedText())
                .update();
    }

    @EventHandler
    void on(BeatsErased event) {
        jdbc.sql("DELETE FROM recorded_actions WHERE story_id = :storyId AND action_beat_id = ANY(:beatIds)")
                .param("storyId", event.storyId())
                .param("beatIds", Columns.textArray(event.beatIds()))
                .update();
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE recorded_actions").update();
    }
}
