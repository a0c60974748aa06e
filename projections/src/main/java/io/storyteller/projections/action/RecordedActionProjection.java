package io.storyteller.projections.action;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.projections.schema.BatchedReplay;
import io.storyteller.projections.schema.BatchedWrites;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code recorded_actions}: every player action with text, which the paid-model auto-switch
 * replays through a candidate and the stable model. An erased action is forgotten (the player took
 * it back), an edited one keeps its new text. A row is keyed by its story and beat, so a
 * redelivered event counts once; a reset truncates and the replay rebuilds it, in batches
 * ({@link BatchedWrites}: no write reads another).
 */
@Component
@ProcessingGroup(RecordedActionProjection.GROUP)
@AllowReplay
public class RecordedActionProjection implements BatchedReplay {

    /** The processing group of the recorded actions. */
    public static final String GROUP = "recorded-actions";

    private final NamedParameterJdbcOperations jdbc;
    private final BatchedWrites writes;

    public RecordedActionProjection(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites("the recorded actions' replay", jdbc);
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return writes.collects(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        writes.discard(event);
    }

    @EventHandler
    void on(PlayerActionSubmitted event, @Timestamp Instant at, TrackingToken token) {
        if (event.text() == null || event.text().isBlank()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", event.storyId());
        params.put("beatId", event.actionBeatId());
        params.put("worldId", event.worldId());
        params.put("text", event.text());
        params.put("position", token == null ? 0L : token.position().orElse(0L));
        params.put("at", Columns.time(at));
        writes.write("""
                INSERT INTO recorded_actions (story_id, action_beat_id, world_id, text, position, submitted_at)
                VALUES (:storyId, :beatId, :worldId, :text, :position, :at)
                ON CONFLICT (story_id, action_beat_id) DO NOTHING""", params);
    }

    @EventHandler
    void on(BeatEdited event) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", event.storyId());
        params.put("beatId", event.beatId());
        params.put("text", event.editedText());
        writes.write("UPDATE recorded_actions SET text = :text WHERE story_id = :storyId AND action_beat_id = :beatId",
                params);
    }

    @EventHandler
    void on(BeatsErased event) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", event.storyId());
        params.put("beatIds", Columns.textArray(event.beatIds()));
        writes.write("DELETE FROM recorded_actions WHERE story_id = :storyId AND action_beat_id = ANY(:beatIds)", params);
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().execute("TRUNCATE recorded_actions");
    }
}
