package io.storyteller.projections.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;

/**
 * Where the writes of a projection whose writes are each keyed and blind (no handler reads what
 * it wrote) go. Live, each is written at once. While the projection replays, an event's writes are
 * collected and written when its batch commits, in the order their events came, each run of one
 * SQL as one JDBC batch (one round trip); a batch that cannot be written is retried event by event
 * ({@link BatchFallback}), so its bad event fails alone as it would live.
 * <p>
 * A write may also have a form that writes a whole run in one statement ({@link #rowsAtOnce}):
 * PostgreSQL then runs the statement once for the run, where a JDBC batch runs it once per row.
 */
public final class BatchedWrites implements BatchedReplay {

    private record Statement(String eventId, String sql, Map<String, ?> params) {
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

        void write(NamedParameterJdbcOperations jdbc, Map<String, String> rowsAtOnce) {
            int start = 0;
            for (int end = 1; end <= collected.size(); end++) {
                if (end == collected.size() || !collected.get(end).sql().equals(collected.get(start).sql())) {
                    List<Statement> run = collected.subList(start, end);
                    String atOnce = rowsAtOnce.get(run.getFirst().sql());
                    if (atOnce != null && run.size() > 1) {
                        jdbc.update(atOnce, columns(run));
                    } else {
                        SqlParameterSource[] rows = SqlParameterSourceUtils.createBatch(
                                run.stream().map(Statement::params).toList());
                        jdbc.batchUpdate(run.getFirst().sql(), rows);
                    }
                    start = end;
                }
            }
            collected.clear();
        }

        /** Each parameter of the run's writes as a text array, one element per write, in their order. */
        private static Map<String, Object> columns(List<Statement> run) {
            Set<String> names = new LinkedHashSet<>();
            run.forEach(statement -> names.addAll(statement.params().keySet()));
            Map<String, Object> columns = new HashMap<>();
            for (String name : names) {
                String[] values = new String[run.size()];
                for (int i = 0; i < run.size(); i++) {
                    Object value = run.get(i).params().get(name);
                    values[i] = value == null ? null
                            : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
                }
                columns.put(name, values);
            }
            return columns;
        }
    }

    private final NamedParameterJdbcOperations jdbc;
    private final BatchFallback<Statements> batches;
    private final Map<String, String> rowsAtOnce = new HashMap<>();

    /** @param name the projection, for the log */
    public BatchedWrites(String name, NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.batches = new BatchFallback<>(name, Statements::new, statements -> statements.write(jdbc, rowsAtOnce));
    }

    /**
     * Writes a replayed run of {@code sql}'s writes as one {@code rowsAtOnce} statement. It takes
     * each of {@code sql}'s named parameters, under the same name, as a text array holding that
     * parameter of every write of the run in order (numbers and dates in their SQL text form, nulls
     * as nulls), and must leave what the writes one after the other leave: no row of the run may
     * depend on another row of the run. A run of one write runs {@code sql}. Set up before the
     * projection handles events.
     */
    public BatchedWrites rowsAtOnce(String sql, String rowsAtOnce) {
        this.rowsAtOnce.put(sql, rowsAtOnce);
        return this;
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
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) || !ReplayToken.isReplay(event)
                || batches.retryingAlone(event)) {
            jdbc.update(sql, params);
            return;
        }
        batches.batch().collected.add(new Statement(event.getIdentifier(), sql, params));
    }
}
