package io.storyteller.projections.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatView;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Beats stored before their provenances became text (V77) read as they did before it. */
class BeatProvenancesMigrationTest {

    private static ReadModelDatabase database;

    @BeforeAll
    static void start() {
        database = ReadModelDatabase.start();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyAlternativeKeepsItsProvenanceAndActionsKeepNone() {
        DataSource before = database.emptyDatabase("beats_before_v77");
        migrate(before, "76");
        JdbcClient jdbc = JdbcClient.create(before);
        insert(jdbc, "action", 1, "PLAYER_ACTION", "I open the door.", "[null]", 0);
        insert(jdbc, "narration", 2, "NARRATION", "The door creaks.",
                "[{\"model\": \"house:a\", \"selection\": \"first\"}, {\"model\": \"house:b\", \"selection\": \"retry\"}]", 1);
        insert(jdbc, "empty", 3, "NARRATION", "Silence.", "[]", 0);

        migrate(before, null);

        List<BeatView> beats = jdbc.sql("SELECT " + BeatRows.COLUMNS + " FROM beats ORDER BY position")
                .query(BeatRows.VIEW).list();
        assertThat(beats).extracting(BeatView::beatId).containsExactly("action", "narration", "empty");
        assertThat(beats.get(0).provenance()).isNull();
        assertThat(beats.get(1).provenance()).isNotNull();
        assertThat(beats.get(1).provenance().model()).isEqualTo("house:b");
        assertThat(beats.get(2).provenance()).isNull();
        assertThat(jdbc.sql("SELECT alternative_provenances FROM beats WHERE beat_id = 'narration'")
                .query((rs, row) -> Arrays.asList((Object[]) rs.getArray(1).getArray())).single())
                .hasSize(2)
                .first().asString().contains("\"model\": \"house:a\"");
        assertThat(jdbc.sql("SELECT alternative_provenances FROM beats WHERE beat_id = 'action'")
                .query((rs, row) -> Arrays.asList((Object[]) rs.getArray(1).getArray())).single())
                .containsExactly((Object) null);
    }

    private static void migrate(DataSource dataSource, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? configuration : configuration.target(target)).load().migrate();
    }

    private static void insert(JdbcClient jdbc, String beatId, int position, String kind, String text,
                               String provenances, int selected) {
        jdbc.sql("""
                INSERT INTO beats (story_id, beat_id, position, kind, text, alternatives, alternative_originals,
                                   alternative_provenances, selected_alternative, created_at, updated_at)
                VALUES ('story-1', :beatId, :position, :kind, :text, ARRAY[CAST(:text AS text), 'other'],
                        ARRAY[NULL, NULL]::text[], CAST(:provenances AS jsonb), :selected, now(), now())""")
                .param("beatId", beatId).param("position", position).param("kind", kind).param("text", text)
                .param("provenances", provenances).param("selected", selected)
                .update();
    }
}
