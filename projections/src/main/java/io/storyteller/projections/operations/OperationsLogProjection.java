package io.storyteller.projections.operations;

import io.storyteller.domain.healing.HealingActionRecorded;
import io.storyteller.domain.processing.OperatorActionRecorded;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the platform's own logs: {@code operator_actions}, what operators did, and
 * {@code healing_actions}, what the platform healed, each row keyed by its event's place in the log.
 * Read models rather than reads of the event table, so that both logs are the same on the JDBC event
 * store and on Axon Server.
 */
@Component
@ProcessingGroup(OperationsLogProjection.GROUP)
@AllowReplay
public class OperationsLogProjection {

    public static final String GROUP = "operations-log";

    private final JdbcClient jdbc;

    public OperationsLogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OperatorActionRecorded event, @Timestamp Instant at, TrackingToken token) {
        jdbc.sql("""
                INSERT INTO operator_actions (global_index, action_id, operator_id, action, target, outcome, succeeded, at)
                VALUES (:index, :actionId, :operatorId, :action, :target, :outcome, :succeeded, :at)
                ON CONFLICT (global_index) DO NOTHING""")
                .param("index", placeInTheLog(token))
                .param("actionId", event.actionId())
                .param("operatorId", event.operatorId())
                .param("action", event.action())
                .param("target", event.target())
                .param("outcome", event.outcome())
                .param("succeeded", event.succeeded())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(HealingActionRecorded event, @Timestamp Instant at, TrackingToken token) {
        jdbc.sql("""
                INSERT INTO healing_actions (global_index, action_id, kind, subject, detail, outcome, occurrences, at)
                VALUES (:index, :actionId, :kind, :subject, :detail, :outcome, :occurrences, :at)
                ON CONFLICT (global_index) DO NOTHING""")
                .param("index", placeInTheLog(token))
                .param("actionId", event.actionId())
                .param("kind", event.kind().name())
                .param("subject", event.subject())
                .param("detail", event.detail())
                .param("outcome", event.outcome().name())
                .param("occurrences", event.occurrences())
                .param("at", Columns.time(at))
                .update();
    }

    /** Before a replay: the replay rebuilds both logs from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE operator_actions, healing_actions").update();
    }

    /** The logs' key and paging cursor: the event's global index, which JDBC's and Axon Server's tokens both carry. */
    private static long placeInTheLog(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("an operations log event was delivered without its place in the log");
        }
        return token.position().getAsLong();
    }
}
