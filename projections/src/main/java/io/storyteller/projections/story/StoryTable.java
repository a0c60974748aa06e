package io.storyteller.projections.story;

import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.story.StoryStatus;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes to {@code stories} and {@code story_participants}; each one is safe to repeat. Rows are
 * inserted by {@link TableWrite}s; every later change to a story row is a {@link StoryDelta}, so a
 * replay's batch writes each story it touched once, with the last of each change.
 */
final class StoryTable {

    private static final String START = """
            INSERT INTO stories (story_id, world_id, title, owner_id, status, started_at, updated_at)
            VALUES (:storyId, :worldId, :title, :ownerId, :status, :at, :at)
            ON CONFLICT (story_id) DO NOTHING""";
    private static final String JOIN = """
            INSERT INTO story_participants (story_id, user_id, joined_at) VALUES (:storyId, :userId, :at)
            ON CONFLICT (story_id, user_id) DO NOTHING""";
    /**
     * Positions run 1..n without gaps (erasure only ever removes the end), so the highest position is
     * the count: one lookup in the (story_id, position) index instead of counting the whole story,
     * which made a replay quadratic in a story's length. Recounted rather than incremented, so a
     * repeated event cannot skew it. A replay's batch knows the count already and passes it.
     */
    static final String CHANGE = """
            UPDATE stories SET updated_at = :at,
                   authors_note = CASE WHEN CAST(:setNote AS boolean) THEN CAST(:note AS text) ELSE authors_note END,
                   pinned_memory = CASE WHEN CAST(:setMemory AS boolean) THEN CAST(:memory AS text) ELSE pinned_memory END,
                   status = coalesce(CAST(:status AS text), status),
                   narration_pending = CASE WHEN CAST(:setPending AS boolean) THEN CAST(:pending AS boolean)
                                            ELSE narration_pending END,
                   pending_request_id = CASE WHEN CAST(:setPending AS boolean) THEN CAST(:requestId AS text)
                                             ELSE pending_request_id END,
                   beat_count = CASE WHEN CAST(:recount AS boolean)
                                     THEN coalesce(CAST(:beatCount AS integer),
                                                   (SELECT coalesce(max(b.position), 0) FROM beats b WHERE b.story_id = :storyId))
                                     ELSE beat_count END
            WHERE story_id = :storyId""";

    private final JdbcClient jdbc;

    StoryTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static TableWrite start(StoryStarted event, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", event.storyId());
        params.put("worldId", event.worldId());
        params.put("title", event.title());
        params.put("ownerId", event.ownerId());
        params.put("status", StoryStatus.ACTIVE.name());
        params.put("at", Columns.time(at));
        return new TableWrite(START, params);
    }

    static TableWrite join(String storyId, String userId, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", storyId);
        params.put("userId", userId);
        params.put("at", Columns.time(at));
        return new TableWrite(JOIN, params);
    }

    void clear() {
        jdbc.sql("TRUNCATE stories, story_participants").update();
    }
}
