package io.storyteller.projections.story;

import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.story.StoryStatus;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The writes to {@code stories} and {@code story_participants}; each one is safe to repeat. */
final class StoryTable {

    private final JdbcClient jdbc;

    StoryTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(StoryStarted event, Instant at) {
        jdbc.sql("""
                INSERT INTO stories (story_id, world_id, title, owner_id, status, started_at, updated_at)
                VALUES (:storyId, :worldId, :title, :ownerId, :status, :at, :at)
                ON CONFLICT (story_id) DO NOTHING""")
                .param("storyId", event.storyId())
                .param("worldId", event.worldId())
                .param("title", event.title())
                .param("ownerId", event.ownerId())
                .param("status", StoryStatus.ACTIVE.name())
                .param("at", Columns.time(at))
                .update();
        addParticipant(event.storyId(), event.ownerId(), at);
    }

    void addParticipant(String storyId, String userId, Instant at) {
        jdbc.sql("""
                INSERT INTO story_participants (story_id, user_id, joined_at) VALUES (:storyId, :userId, :at)
                ON CONFLICT (story_id, user_id) DO NOTHING""")
                .param("storyId", storyId)
                .param("userId", userId)
                .param("at", Columns.time(at))
                .update();
        touch(storyId, at);
    }

    void setAuthorsNote(String storyId, String note, Instant at) {
        update(storyId, "authors_note = :value", note == null ? "" : note, at);
    }

    void setPinnedMemory(String storyId, String memory, Instant at) {
        update(storyId, "pinned_memory = :value", memory == null ? "" : memory, at);
    }

    void end(String storyId, Instant at) {
        // a pending narration may still be recorded after the end, as the aggregate allows
        update(storyId, "status = :value", StoryStatus.ENDED.name(), at);
    }

    void narrationRequested(String storyId, String requestId, Instant at) {
        update(storyId, "narration_pending = true, pending_request_id = :value", requestId, at);
    }

    void narrationSettled(String storyId, Instant at) {
        update(storyId, "narration_pending = false, pending_request_id = NULL", null, at);
    }

    /** Recounts rather than increments, so a repeated event cannot skew the count. */
    /**
     * Positions run 1..n without gaps (erasure only ever removes the end), so the highest position is
     * the count: one lookup in the (story_id, position) index instead of counting the whole story on
     * every beat, which made a replay quadratic in a story's length.
     */
    void beatsChanged(String storyId, Instant at) {
        update(storyId, "beat_count = (SELECT coalesce(max(b.position), 0) FROM beats b WHERE b.story_id = :storyId)",
                null, at);
    }

    void touch(String storyId, Instant at) {
        update(storyId, "", null, at);
    }

    void clear() {
        jdbc.sql("TRUNCATE stories, story_participants").update();
    }

    /** Sets updated_at and {@code assignments}: fixed SQL written in this class, never input. */
    private void update(String storyId, String assignments, String value, Instant at) {
        String extra = assignments.isEmpty() ? "" : ", " + assignments;
        var statement = jdbc.sql("UPDATE stories SET updated_at = :at" + extra + " WHERE story_id = :storyId")
                .param("storyId", storyId)
                .param("at", Columns.time(at));
        if (assignments.contains(":value")) {
            statement = statement.param("value", value);
        }
        statement.update();
    }
}
