package io.storyteller.projections.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.healing.HealingActionRecorded;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.processing.OperatorActionRecorded;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsLogProjectionTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();

    EventLog log;
    Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        handlers = new Object[] {new OperationsLogProjection(db.jdbc())};
    }

    @Test
    void eachOperatorActionIsKeptAtItsPlaceInTheLogWithItsTime() {
        log.operatorAction("op-1", new OperatorActionRecorded("op-1", "ada", "resetProcessor", "worlds", "reset to the start", true));
        log.healingAction("heal-1", new HealingActionRecorded("heal-1", HealingKind.FAILOVER, "narrator:w1 CANARY", "to STABLE",
                HealingOutcome.HEALED, 3));
        log.operatorAction("op-2", new OperatorActionRecorded("op-2", "bo", "evictDeadLetters", "worlds sequence w9", "evicted 1", false));
        log.deliver(handlers);

        assertThat(db.rows("SELECT global_index, action_id, operator_id, action, target, outcome, succeeded, at"
                + " FROM operator_actions ORDER BY global_index")).containsExactly(
                Map.of("global_index", 0L, "action_id", "op-1", "operator_id", "ada", "action", "resetProcessor", "target", "worlds",
                        "outcome", "reset to the start", "succeeded", true, "at", Timestamp.from(EventLog.timeOf(0))),
                Map.of("global_index", 2L, "action_id", "op-2", "operator_id", "bo", "action", "evictDeadLetters",
                        "target", "worlds sequence w9", "outcome", "evicted 1", "succeeded", false, "at", Timestamp.from(EventLog.timeOf(2))));
        assertThat(db.rows("SELECT global_index, kind, subject, detail, outcome, occurrences FROM healing_actions")).containsExactly(
                Map.of("global_index", 1L, "kind", "FAILOVER", "subject", "narrator:w1 CANARY", "detail", "to STABLE",
                        "outcome", "HEALED", "occurrences", 3));
    }

    @Test
    void redeliveredAndReplayedEventsLeaveTheSameLogs() {
        log.operatorAction("op-1", new OperatorActionRecorded("op-1", "ada", "splitSegment", "stories segment 0", "split", true));
        log.healingAction("heal-1", new HealingActionRecorded("heal-1", HealingKind.PROCESSOR_RESTART, "stories", "restarted",
                HealingOutcome.HEALED, 1));
        log.deliver(handlers);
        List<Map<String, Object>> operators = db.rows("SELECT * FROM operator_actions ORDER BY global_index");
        List<Map<String, Object>> healing = db.rows("SELECT * FROM healing_actions ORDER BY global_index");

        log.redeliverAll(handlers);
        assertThat(db.rows("SELECT * FROM operator_actions ORDER BY global_index")).isEqualTo(operators);
        assertThat(db.rows("SELECT * FROM healing_actions ORDER BY global_index")).isEqualTo(healing);

        log.replay(handlers);
        assertThat(db.rows("SELECT * FROM operator_actions ORDER BY global_index")).isEqualTo(operators);
        assertThat(db.rows("SELECT * FROM healing_actions ORDER BY global_index")).isEqualTo(healing);
    }
}
