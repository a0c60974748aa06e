package io.storyteller.projections.story;

import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.projections.schema.BeatRows;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.ProvenanceJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes to {@code beats}. Alternatives, their provenances and their pre-edit originals are
 * index-aligned arrays (PostgreSQL arrays are 1-based, alternative indexes 0-based); the shown
 * text, provenance and edit state are those of the selected alternative. Each write is keyed and
 * safe to repeat.
 */
final class BeatTable {

    private final JdbcClient jdbc;

    BeatTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a beat after the story's last one; a beat id already present is left as it is. */
    void append(String storyId, String beatId, BeatKind kind, String playerId, String text,
                NarrationProvenance provenance, Instant at) {
        jdbc.sql("""
                INSERT INTO beats (story_id, beat_id, position, kind, player_id, text, alternatives,
                                   alternative_originals, alternative_provenances, selected_alternative,
                                   provenance, created_at, updated_at)
                SELECT :storyId, :beatId, coalesce(max(position), 0) + 1, :kind, :playerId, :text,
                       ARRAY[CAST(:text AS text)], ARRAY[NULL]::text[],
                       jsonb_build_array(CAST(:provenance AS jsonb)), 0, CAST(:provenance AS jsonb), :at, :at
                FROM beats WHERE story_id = :storyId
                ON CONFLICT (story_id, beat_id) DO NOTHING""")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("kind", kind.name())
                .param("playerId", playerId)
                .param("text", text)
                .param("provenance", ProvenanceJson.write(provenance))
                .param("at", Columns.time(at))
                .update();
    }

    /** Stores alternative {@code index} of a retried narration and selects it. */
    void putAlternative(String storyId, String beatId, int index, String text, NarrationProvenance provenance,
                        Instant at) {
        jdbc.sql("""
                UPDATE beats SET alternatives[:slot] = :text,
                       alternative_originals[:slot] = NULL,
                       alternative_provenances = jsonb_set(alternative_provenances, ARRAY[CAST(:index AS text)],
                                                           CAST(:provenance AS jsonb), true),
                       selected_alternative = :index, text = :text, provenance = CAST(:provenance AS jsonb),
                       edited = false, original_text = NULL, updated_at = :at
                WHERE story_id = :storyId AND beat_id = :beatId""")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("index", index)
                .param("slot", index + 1)
                .param("text", text)
                .param("provenance", ProvenanceJson.write(provenance))
                .param("at", Columns.time(at))
                .update();
    }

    void select(String storyId, String beatId, int index, Instant at) {
        jdbc.sql("""
                UPDATE beats SET selected_alternative = :index, text = alternatives[:slot],
                       provenance = nullif(alternative_provenances -> CAST(:index AS int), 'null'::jsonb),
                       original_text = alternative_originals[:slot],
                       edited = alternative_originals[:slot] IS NOT NULL, updated_at = :at
                WHERE story_id = :storyId AND beat_id = :beatId AND alternatives[:slot] IS NOT NULL""")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("index", index)
                .param("slot", index + 1)
                .param("at", Columns.time(at))
                .update();
    }

    /**
     * Rewrites the selected alternative; the original kept is the text before the first edit. An
     * edit that does not carry its original (null since the Story aggregate keeps no texts) takes it
     * from the row: the selected alternative before this update (every SET reads the old row).
     */
    void edit(String storyId, String beatId, String originalText, String editedText, Instant at) {
        jdbc.sql("""
                UPDATE beats SET
                       original_text = coalesce(alternative_originals[selected_alternative + 1], :original,
                                                alternatives[selected_alternative + 1]),
                       alternative_originals[selected_alternative + 1] =
                           coalesce(alternative_originals[selected_alternative + 1], :original,
                                    alternatives[selected_alternative + 1]),
                       alternatives[selected_alternative + 1] = :edited,
                       text = :edited, edited = true, updated_at = :at
                WHERE story_id = :storyId AND beat_id = :beatId""")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("original", originalText)
                .param("edited", editedText)
                .param("at", Columns.time(at))
                .update();
    }

    void rate(String storyId, String beatId, int rating, Instant at) {
        jdbc.sql("UPDATE beats SET rating = :rating, updated_at = :at WHERE story_id = :storyId AND beat_id = :beatId")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("rating", rating)
                .param("at", Columns.time(at))
                .update();
    }

    void flag(String storyId, String beatId, String categories, int severity, boolean realWorld, String flaggedBy,
            Instant at) {
        jdbc.sql("""
                UPDATE beats SET flag_categories = :categories, flag_severity = :severity,
                       flag_real_world = :realWorld, flagged_by = :flaggedBy, updated_at = :at
                WHERE story_id = :storyId AND beat_id = :beatId""")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("categories", categories)
                .param("severity", severity)
                .param("realWorld", realWorld)
                .param("flaggedBy", flaggedBy)
                .param("at", Columns.time(at))
                .update();
    }

    /**
     * Deletes the beats. The aggregate only ever erases a suffix of the story, so the remaining
     * beats keep their contiguous positions.
     */
    void erase(String storyId, List<String> beatIds) {
        if (beatIds == null || beatIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM beats WHERE story_id = :storyId AND beat_id IN (:beatIds)")
                .param("storyId", storyId)
                .param("beatIds", beatIds)
                .update();
    }

    Optional<BeatView> find(String storyId, String beatId) {
        return jdbc.sql("SELECT " + BeatRows.COLUMNS + " FROM beats WHERE story_id = :storyId AND beat_id = :beatId")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .query(BeatRows.VIEW)
                .optional();
    }

    /** The earliest of the given beats, if any is still there. */
    Optional<BeatView> first(String storyId, List<String> beatIds) {
        if (beatIds == null || beatIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + BeatRows.COLUMNS
                        + " FROM beats WHERE story_id = :storyId AND beat_id IN (:beatIds) ORDER BY position LIMIT 1")
                .param("storyId", storyId)
                .param("beatIds", beatIds)
                .query(BeatRows.VIEW)
                .optional();
    }

    void clear() {
        jdbc.sql("TRUNCATE beats").update();
    }
}
