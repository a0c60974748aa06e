package io.storyteller.projections.schema;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Keeps PostgreSQL's statistics of the tables a projection refills by replay. A reset empties the
 * tables, and their statistics then describe an empty table until autovacuum looks again, which it
 * does once a minute at most and later as a table grows. Meanwhile the projection's prepared
 * statements settle on plans made for an empty table (a sequential scan), and keep them while the
 * table grows to millions of rows: a replay's lookup of a story's last beat went from 0.05 ms to
 * 9 ms that way. A replay is a bulk load, and PostgreSQL's advice for those is to analyze the
 * tables afterwards; here they are analyzed after the batch in which the rows written since the
 * reset pass 1,000, then 10,000, 100,000 and so on, so a handful of times per rebuild.
 * <p>
 * A table may be named with the columns the replay's own statements look rows up by, as in
 * {@code "beats (story_id, beat_id, position)"}: the analysis still samples the table and counts
 * its rows, but works out statistics for those columns only (for {@code beats} at 860,000 rows,
 * 0.17 s instead of 0.4–0.5 s for every column, whose long texts and JSON cost the most).
 * Autovacuum analyzes every column later, as the table's growth calls for it.
 * <p>
 * A failed analysis (say, by a database user that does not own the tables) is logged and leaves
 * the replay as it was: statistics are advice to the planner, never needed for a correct result.
 */
public final class ReplayStatistics {

    private static final Logger log = LoggerFactory.getLogger(ReplayStatistics.class);
    static final long FIRST_MARK = 1_000;

    private final JdbcOperations jdbc;
    private final List<String> tables;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong nextMark = new AtomicLong(FIRST_MARK);

    /**
     * @param tables the tables the replay refills, each alone or with a column list; fixed text
     *               written in the projection, never input
     */
    public ReplayStatistics(JdbcOperations jdbc, String... tables) {
        this.jdbc = jdbc;
        this.tables = List.of(tables);
    }

    /** The tables were emptied for a replay: counting starts again. */
    public void reset() {
        written.set(0);
        nextMark.set(FIRST_MARK);
    }

    /**
     * The current unit of work, a replayed batch, writes {@code rows} rows; when they take the count
     * past the next mark, the tables are analyzed once the batch has committed (inside it, the
     * analysis would hold its lock, which another segment's analysis waits for, until the batch ends).
     */
    public void wrote(long rows) {
        long total = written.addAndGet(rows);
        long mark = nextMark.get();
        if (total < mark || !nextMark.compareAndSet(mark, nextMark(total))) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> analyze());
        } else {
            analyze();
        }
    }

    private static long nextMark(long total) {
        long mark = FIRST_MARK;
        while (mark <= total) {
            mark *= 10;
        }
        return mark;
    }

    void analyze() {
        for (String table : tables) {
            try {
                jdbc.execute("ANALYZE " + table);
            } catch (DataAccessException e) {
                log.warn("Could not analyze {} during a replay ({}); the replay goes on with the statistics it has",
                        table, e.getMostSpecificCause().toString());
            }
        }
    }
}
