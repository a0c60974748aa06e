package io.storyteller.projections.story;

import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.projections.schema.BeatRows;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.ProvenanceJson;
import io.storyteller.projections.schema.RowArrays;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes to {@code beats}, as {@link TableWrite}s to run at once or in a replay's batch.
 * Alternatives, their provenances and their pre-edit originals are index-aligned arrays (PostgreSQL
 * arrays are 1-based, alternative indexes 0-based); the shown text and edit state are those of the
 * selected alternative, and so is the provenance read ({@link BeatRows#COLUMNS}), which is not stored
 * twice. Each write is keyed and safe to repeat, and reads the rows as
 * the writes before it left them, so a batch run in order gives what one-by-one writes give.
 */
final class BeatTable {

    private static final String APPEND = """
            INSERT INTO beats (story_id, beat_id, position, kind, player_id, text, alternatives,
                               alternative_originals, alternative_provenances, selected_alternative,
                               created_at, updated_at)
            SELECT :storyId, :beatId, coalesce(max(position), 0) + 1, :kind, :playerId, :text,
                   ARRAY[CAST(:text AS text)], ARRAY[NULL]::text[], ARRAY[CAST(:provenance AS text)], 0, :at, :at
            FROM beats WHERE story_id = :storyId
            ON CONFLICT (story_id, beat_id) DO NOTHING""";
    /** An append whose position a replay's batch knows ({@link BeatPositions}). */
    private static final String APPEND_AT = """
            INSERT INTO beats (story_id, beat_id, position, kind, player_id, text, alternatives,
                               alternative_originals, alternative_provenances, selected_alternative,
                               created_at, updated_at)
            VALUES (:storyId, :beatId, :position, :kind, :playerId, :text,
                    ARRAY[CAST(:text AS text)], ARRAY[NULL]::text[], ARRAY[CAST(:provenance AS text)], 0, :at, :at)
            ON CONFLICT (story_id, beat_id) DO NOTHING""";
    /** Appends at known positions, {@link #APPEND_AT}'s parameters as arrays with a row per element ({@link RowArrays}). */
    private static final String APPEND_ALL = """
            INSERT INTO beats (story_id, beat_id, position, kind, player_id, text, alternatives,
                               alternative_originals, alternative_provenances, selected_alternative,
                               created_at, updated_at)
            SELECT r.story_id, r.beat_id, r.position, r.kind, r.player_id, r.text, ARRAY[r.text], ARRAY[NULL]::text[],
                   ARRAY[r.provenance], 0, r.at, r.at
            FROM unnest(CAST(:storyId AS text[]), CAST(:beatId AS text[]), CAST(:position AS integer[]),
                        CAST(:kind AS text[]), CAST(:playerId AS text[]), CAST(:text AS text[]),
                        CAST(:provenance AS text[]), CAST(:at AS timestamptz[]))
                 AS r(story_id, beat_id, position, kind, player_id, text, provenance, at)
            ON CONFLICT (story_id, beat_id) DO NOTHING""";
    private static final String PUT_ALTERNATIVE = """
            UPDATE beats SET alternatives[:slot] = :text,
                   alternative_originals[:slot] = NULL,
                   alternative_provenances[:slot] = CAST(:provenance AS text),
                   selected_alternative = :index, text = :text, edited = false, original_text = NULL, updated_at = :at
            WHERE story_id = :storyId AND beat_id = :beatId""";
    private static final String SELECT = """
            UPDATE beats SET selected_alternative = :index, text = alternatives[:slot],
                   original_text = alternative_originals[:slot],
                   edited = alternative_originals[:slot] IS NOT NULL, updated_at = :at
            WHERE story_id = :storyId AND beat_id = :beatId AND alternatives[:slot] IS NOT NULL""";
    private static final String EDIT = """
            UPDATE beats SET
                   original_text = coalesce(alternative_originals[selected_alternative + 1],
                                            alternatives[selected_alternative + 1]),
                   alternative_originals[selected_alternative + 1] =
                       coalesce(alternative_originals[selected_alternative + 1],
                                alternatives[selected_alternative + 1]),
                   alternatives[selected_alternative + 1] = :edited,
                   text = :edited, edited = true, updated_at = :at
            WHERE story_id = :storyId AND beat_id = :beatId""";
    private static final String RATE =
            "UPDATE beats SET rating = :rating, updated_at = :at WHERE story_id = :storyId AND beat_id = :beatId";
    private static final String FLAG = """
            UPDATE beats SET flag_categories = :categories, flag_severity = :severity,
                   flag_real_world = :realWorld, flagged_by = :flaggedBy, updated_at = :at
            WHERE story_id = :storyId AND beat_id = :beatId""";
    private static final String ERASE = "DELETE FROM beats WHERE story_id = :storyId AND beat_id = ANY(:beatIds)";

    private final JdbcClient jdbc;

    BeatTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a beat after the story's last one; a beat id already present is left as it is. */
    static TableWrite append(String storyId, String beatId, BeatKind kind, String playerId, String text,
            NarrationProvenance provenance, Instant at) {
        Map<String, Object> params = beat(storyId, beatId, at);
        params.put("kind", kind.name());
        params.put("playerId", playerId);
        params.put("text", text);
        params.put("provenance", ProvenanceJson.write(provenance));
        return new TableWrite(APPEND, params);
    }

    /** The append at a position known beforehand. */
    static TableWrite appendAt(TableWrite append, int position) {
        Map<String, Object> params = new HashMap<>(append.params());
        params.put("position", position);
        return new TableWrite(APPEND_AT, params);
    }

    /**
     * The appends at known positions ({@link #appendAt}) as one statement: PostgreSQL runs it once
     * for all its rows, where a JDBC batch of single-row inserts runs the statement per row (most of
     * a replay's database time went to that). Repeats of a beat are not among them.
     */
    static TableWrite appendAll(List<TableWrite> appendsAt) {
        return new TableWrite(APPEND_ALL, RowArrays.of(appendsAt.stream().map(TableWrite::params).toList()));
    }

    static boolean appends(TableWrite write) {
        return write.sql().equals(APPEND);
    }

    static boolean erases(TableWrite write) {
        return write.sql().equals(ERASE);
    }

    /** Whether the write adds or removes beats, moving the story's highest position. */
    static boolean changesPositions(TableWrite write) {
        return appends(write) || erases(write);
    }

    /** Stores alternative {@code index} of a retried narration and selects it. */
    static TableWrite putAlternative(String storyId, String beatId, int index, String text,
            NarrationProvenance provenance, Instant at) {
        Map<String, Object> params = beat(storyId, beatId, at);
        params.put("index", index);
        params.put("slot", index + 1);
        params.put("text", text);
        params.put("provenance", ProvenanceJson.write(provenance));
        return new TableWrite(PUT_ALTERNATIVE, params);
    }

    static TableWrite select(String storyId, String beatId, int index, Instant at) {
        Map<String, Object> params = beat(storyId, beatId, at);
        params.put("index", index);
        params.put("slot", index + 1);
        return new TableWrite(SELECT, params);
    }

    /**
     * Rewrites the selected alternative; the original kept is the text before the first edit, taken
     * from the row: the selected alternative before this update (every SET reads the old row). Edits
     * do not carry it (revision 2; older ones are upcast to it).
     */
    static TableWrite edit(String storyId, String beatId, String editedText, Instant at) {
        Map<String, Object> params = beat(storyId, beatId, at);
        params.put("edited", editedText);
        return new TableWrite(EDIT, params);
    }

    static TableWrite rate(String storyId, String beatId, int rating, Instant at) {
        Map<String, Object> params = beat(storyId, beatId, at);
        params.put("rating", rating);
        return new TableWrite(RATE, params);
    }

    static TableWrite flag(String storyId, String beatId, String categories, int severity, boolean realWorld,
            String flaggedBy, Instant at) {
        Map<String, Object> params = beat(storyId, beatId, at);
        params.put("categories", categories);
        params.put("severity", severity);
        params.put("realWorld", realWorld);
        params.put("flaggedBy", flaggedBy);
        return new TableWrite(FLAG, params);
    }

    /**
     * Deletes the beats. The aggregate only ever erases a suffix of the story, so the remaining
     * beats keep their contiguous positions.
     */
    static TableWrite erase(String storyId, List<String> beatIds) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", storyId);
        params.put("beatIds", (beatIds == null ? List.<String>of() : beatIds).toArray(String[]::new));
        return new TableWrite(ERASE, params);
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

    private static Map<String, Object> beat(String storyId, String beatId, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", storyId);
        params.put("beatId", beatId);
        params.put("at", Columns.time(at));
        return params;
    }
}
