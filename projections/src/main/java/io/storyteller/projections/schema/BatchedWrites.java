package io.storyteller.projections.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;

/**
 * Where the writes of a projection whose writes are each keyed and blind (no handler reads what
 * it wrote) go. Live, each is written at once. While the projection replays, an event's writes are
 * collected and written when its batch commits, in the order their events came, each run of one
 * SQL as one JDBC batch (one round trip); a batch that cannot be written is retried event by event
 * ({@link BatchFallback}), so its bad event fails alone as it would live.
 * <p>
 * A write may also take its row's parameters as arrays ({@link #writeRows}): a run of such writes
 * is then one statement ({@link RowArrays}).
 */
public final class BatchedWrites implements BatchedReplay {

    /** @param rows whether {@code sql} takes its parameters as arrays, a row per element */
    private record Statement(String eventId, String sql, Map<String, ?> params, boolean rows) {
    }

    private static final class Statements implements BatchFallback.Collected {

        private final List<Statement> collected = new ArrayList<>();

        @Override
        public boolean isEmpty() {
            return collected.isEmpty();
        }

        @Override
        public Collection<String> eventIds() {
            return collected.stream().map(Statement::eventId).collect(Collectors.toSet());
        }

        @Override
        public void discard(String eventId) {
            collected.removeIf(statement -> statement.eventId().equals(eventId));
        }

        void write(NamedParameterJdbcOperations jdbc) {
            Runs.each(collected, Statement::sql, run -> {
                List<Map<String, ?>> params = run.stream().<Map<String, ?>>map(Statement::params).toList();
                if (run.getFirst().rows()) {
                    jdbc.update(run.getFirst().sql(), RowArrays.of(params));
                } else {
                    jdbc.batchUpdate(run.getFirst().sql(), SqlParameterSourceUtils.createBatch(params));
                }
            });
            collected.clear();
        }
    }

    private final NamedParameterJdbcOperations jdbc;
    private final BatchFallback<Statements> batches;

    /** @param name the projection, for the log */
    public BatchedWrites(String name, NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.batches = new BatchFallback<>(name, Statements::new, statements -> statements.write(jdbc));
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return ReplayToken.isReplay(event) && CurrentUnitOfWork.isStarted() && !batches.failedBefore(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        batches.discard(event);
    }

    /** Writes at once, or collects the write when the event being handled is replayed. */
    public void write(String sql, Map<String, ?> params) {
        write(sql, params, false);
    }

    /**
     * As {@link #write}, for {@code sql} that takes each named parameter as a text array, a row per
     * element ({@link RowArrays}): written at once it gets arrays of one, and a replayed run of it is
     * one statement. No row of a run may depend on another row of the run.
     */
    public void writeRows(String sql, Map<String, ?> params) {
        write(sql, params, true);
    }

    private void write(String sql, Map<String, ?> params, boolean rows) {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) || !ReplayToken.isReplay(event)
                || batches.retryingAlone(event)) {
            jdbc.update(sql, rows ? RowArrays.of(List.of(params)) : params);
            return;
        }
        batches.batch().collected.add(new Statement(event.getIdentifier(), sql, params, rows));
    }
}
