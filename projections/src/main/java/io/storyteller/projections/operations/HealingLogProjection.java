package io.storyteller.projections.operations;

import io.storyteller.domain.healing.HealingActionRecorded;
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
 * Keeps {@code healing_actions}: every recorded healing action, keyed by its place in the event log,
 * the same on the JDBC event store and on Axon Server.
 */
@Component
@ProcessingGroup(HealingLogProjection.GROUP)
@AllowReplay
public class HealingLogProjection {

    public static final String GROUP = "healing-log";

    private final JdbcClient jdbc;

    public HealingLogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HealingActionRecorded event, @Timestamp Instant at, TrackingToken token) {
        jdbc.sql("""
                INSERT INTO healing_actions (global_index, action_id, kind, subject, detail, outcome, occurrences, at)
                VALUES (:index, :actionId, :kind, :subject, :detail, :outcome, :occurrences, :at)
                ON CONFLICT (global_index) DO NOTHING""")
                .param("index", LogPosition.of(token))
                .param("actionId", event.actionId())
                .param("kind", event.kind().name())
                .param("subject", event.subject())
                .param("detail", event.detail())
                .param("outcome", event.outcome().name())
                .param("occurrences", event.occurrences())
                .param("at", Columns.time(at))
                .update();
    }

    /** Before a replay: the replay rebuilds the log from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE healing_actions").update();
    }
}
