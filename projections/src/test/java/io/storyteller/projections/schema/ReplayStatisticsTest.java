package io.storyteller.projections.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.storyteller.projections.support.ReadModelDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A replay's tables are analyzed when the rows written since the reset pass 1,000, 10,000, … —
 * after the batch commits when one is running — and a failed analysis does not fail the replay.
 */
class ReplayStatisticsTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();
    private static final String TABLE = "replay_statistics_probe";

    private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());

    @BeforeEach
    void createTable() {
        jdbc.execute("DROP TABLE IF EXISTS " + TABLE);
        // autovacuum kept off the table, so that only the statistics under test analyze it
        jdbc.execute("CREATE TABLE " + TABLE + " (id integer PRIMARY KEY, label text) WITH (autovacuum_enabled = false)");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    /** The planner's row count of the table: -1 until it is first analyzed (or vacuumed). */
    private double reltuples() {
        return jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = ?", Double.class, TABLE);
    }

    private void insert(int from, int count) {
        jdbc.update("INSERT INTO " + TABLE + " SELECT n, 'row ' || n FROM generate_series(?, ?) AS n", from, from + count - 1);
    }

    @Test
    void theTablesAreAnalyzedAsTheRowsWrittenSinceTheResetPassEachMark() {
        ReplayStatistics statistics = new ReplayStatistics(jdbc, TABLE);
        statistics.reset();
        insert(1, 999);
        statistics.wrote(999);
        assertThat(reltuples()).as("below the first mark").isEqualTo(-1);

        insert(1000, 1);
        statistics.wrote(1);
        assertThat(reltuples()).as("at the first mark").isEqualTo(1000);

        insert(1001, 5000);
        statistics.wrote(5000);
        assertThat(reltuples()).as("between marks: not again").isEqualTo(1000);

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        insert(6001, 5000);
        statistics.wrote(5000);
        assertThat(reltuples()).as("past the next mark, while the batch runs").isEqualTo(1000);
        batch.commit();
        assertThat(reltuples()).as("once the batch committed").isEqualTo(11000);

        jdbc.execute("TRUNCATE " + TABLE);
        statistics.reset();
        insert(1, 1000);
        statistics.wrote(1000);
        assertThat(reltuples()).as("a new replay starts from the first mark again").isEqualTo(1000);
    }

    @Test
    void aTableNamedWithColumnsIsCountedAndAnalyzedForThoseColumnsOnly() {
        ReplayStatistics statistics = new ReplayStatistics(jdbc, TABLE + " (id)");
        insert(1, 1000);
        statistics.wrote(1000);

        assertThat(reltuples()).isEqualTo(1000);
        assertThat(jdbc.queryForList("SELECT attname FROM pg_stats WHERE tablename = ?", String.class, TABLE))
                .containsExactly("id");
    }

    @Test
    void aBatchThatRollsBackIsNotFollowedByAnAnalysis() {
        ReplayStatistics statistics = new ReplayStatistics(jdbc, TABLE);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        statistics.wrote(1000);
        batch.rollback();
        assertThat(reltuples()).isEqualTo(-1);
    }

    @Test
    void aTableThatCannotBeAnalyzedLeavesTheReplayAsItWas() {
        ReplayStatistics statistics = new ReplayStatistics(jdbc, "replay_statistics_missing", TABLE);
        insert(1, 1000);
        assertThatCode(() -> statistics.wrote(1000)).doesNotThrowAnyException();
        assertThat(reltuples()).as("the other tables are still analyzed").isEqualTo(1000);
    }
}
