package io.storyteller.projections.operations;

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
 * Keeps {@code operator_actions}: every recorded operator action, keyed by its place in the event
 * log. A read model rather than a read of the event table, so that the operator log is the same on
 * the JDBC event store and on Axon Server.
 */
@Component
@ProcessingGroup(OperatorLogProjection.GROUP)
@AllowReplay
public class OperatorLogProjection {

    public static final String GROUP = "operator-log";

    private final JdbcClient jdbc;

    public OperatorLogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OperatorActionRecorded event, @Timestamp Instant at, TrackingToken token) {
        jdbc.sql("""
                INSERT INTO operator_actions (global_index, action_id, operator_id, action, target, outcome, succeeded, at)
                VALUES (:index, :actionId, :operatorId, :action, :target, :outcome, :succeeded, :at)
                ON CONFLICT (global_index) DO NOTHING""")
                .param("index", LogPosition.of(token))
                .param("actionId", event.actionId())
                .param("operatorId", event.operatorId())
                .param("action", event.action())
                .param("target", event.target())
                .param("outcome", event.outcome())
                .param("succeeded", event.succeeded())
                .param("at", Columns.time(at))
                .update();
    }

    /** Before a replay: the replay rebuilds the log from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE operator_actions").update();
    }
}
