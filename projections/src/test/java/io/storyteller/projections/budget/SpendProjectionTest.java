package io.storyteller.projections.budget;

import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static io.storyteller.projections.support.ModelManagementEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.GlobalBudgetCleared;
import io.storyteller.domain.budget.GlobalBudgetSet;
import io.storyteller.domain.budget.WhenExhausted;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.WorldBudgetSet;
import io.storyteller.projections.model.ModelProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ModelManagementEvents;
import io.storyteller.projections.support.ReadModelDatabase;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class SpendProjectionTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();
    static final String SLOT = "narrator:world:w1";
    static final LocalDate DAY = LocalDate.ofInstant(EventLog.START, ZoneOffset.UTC);

    EventLog log;
    Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        log.model(GPT, ModelManagementEvents.gptRegistered());
        log.model(HOUSE, ModelManagementEvents.houseRegistered());
        log.story("s1", new StoryStarted("s1", "w1", "A tale", "pia"));
        handlers = new Object[] {new ModelProjection(db.jdbc()),
                new SpendProjection(new NamedParameterJdbcTemplate(db.dataSource())),
                new BudgetProjection(db.jdbc())};
    }

    @Test
    void everyCandidateOfATurnCountsChosenOrNot() {
        log.story("s1", recorded("a1", candidate(0, GPT, 1000, 200, new BigDecimal("0.00027"), CandidateOutcome.CHOSEN),
                candidate(1, GPT, 1000, 100, new BigDecimal("0.00021"), CandidateOutcome.OUTRANKED)));
        log.deliver(handlers);

        Map<String, Object> total = db.row("""
                SELECT world_id, deployment_id, day, count(*) AS calls, sum(prompt_tokens) AS prompt,
                       sum(completion_tokens) AS completion, sum(cost) AS cost
                FROM spend_entries GROUP BY world_id, deployment_id, day""");
        assertThat(total).containsEntry("world_id", "w1").containsEntry("deployment_id", SLOT)
                .containsEntry("day", Date.valueOf(DAY)).containsEntry("calls", 2L);
        assertThat(((Number) total.get("prompt")).longValue()).isEqualTo(2000);
        assertThat(((Number) total.get("completion")).longValue()).isEqualTo(300);
        assertThat((BigDecimal) total.get("cost")).isEqualByComparingTo("0.00048");
    }

    @Test
    void aCandidateRecordedWithoutItsCostIsPricedFromTheRegistry() {
        // 1000 × 0.15 + 200 × 0.60 per million = 0.00027 USD; the house model is not billed
        log.story("s1", recorded("a1", candidate(0, GPT, 1000, 200, null, CandidateOutcome.CHOSEN),
                candidate(1, HOUSE, 5000, 500, null, CandidateOutcome.OUTRANKED)));
        log.deliver(handlers);

        assertThat(costs()).containsExactly(new BigDecimal("0.00027"), BigDecimal.ZERO);
    }

    @Test
    void failedTurnsAndShadowCallsWereAlsoPaidFor() {
        log.story("s1", new NarrationFailed("s1", "a1", "a1", "every candidate was blocked", GPT, null,
                        List.of(candidate(0, GPT, 1000, 200, new BigDecimal("0.00027"), CandidateOutcome.BLOCKED))),
                new ShadowNarrationRecorded("s1", "w1", "a2", "a2", "shadow text", null,
                        routed(GPT, "v", NarrationArm.SHADOW, SLOT, "r1", 0, 700, 2000, 0)));
        log.deliver(handlers);

        assertThat(db.rows("SELECT world_id FROM spend_entries")).extracting(row -> row.get("world_id"))
                .containsExactly("w1", "w1");
        assertThat(costs()).containsExactlyInAnyOrder(new BigDecimal("0.00027"), new BigDecimal("0.0003"));
    }

    @Test
    void callsThatSpentNoTokensLeaveNoRow() {
        log.story("s1", recorded("a1", candidate(0, GPT, 0, 0, null, CandidateOutcome.FAILED),
                candidate(1, GPT, 10, 10, null, CandidateOutcome.CHOSEN)));
        log.deliver(handlers);

        assertThat(db.rows("SELECT call_index FROM spend_entries")).extracting(row -> row.get("call_index"))
                .containsExactly(1);
    }

    @Test
    void redeliveryCountsNothingTwiceAndAReplayRebuildsTheSameFigures() {
        log.story("s1", recorded("a1", candidate(0, GPT, 1000, 200, null, CandidateOutcome.CHOSEN)),
                new NarrationFailed("s1", "a2", "a2", "blocked", GPT, null,
                        List.of(candidate(0, GPT, 500, 50, null, CandidateOutcome.BLOCKED))));
        log.globalBudget(new GlobalBudgetSet("global", new BudgetLimits(new BigDecimal("5"), null, WhenExhausted.REFUSE),
                "paula"));
        log.world("w1", new WorldBudgetSet("w1", new BudgetLimits(null, new BigDecimal("20"), WhenExhausted.CHEAPER), "paula"));
        log.deliver(handlers);
        var before = db.snapshot();

        log.redeliverAll(handlers);
        assertThat(db.snapshot()).isEqualTo(before);
        log.replay(handlers);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.rows("SELECT * FROM spend_entries")).hasSize(2);
    }

    @Test
    void aReplayInBatchesLeavesWhatWritingEachEventAtOnceLeaves() {
        log.story("s2", new StoryStarted("s2", "w2", "Another tale", "bea"));
        for (int turn = 0; turn < 5; turn++) {
            log.story("s1", recorded("a" + turn, candidate(0, GPT, 1000, 200, null, CandidateOutcome.CHOSEN),
                    candidate(1, HOUSE, 800, 100, null, CandidateOutcome.OUTRANKED),
                    candidate(2, HOUSE, 0, 0, null, CandidateOutcome.FAILED)));
            log.story("s2", new NarrationFailed("s2", "b" + turn, "b" + turn, "blocked", GPT, null,
                    List.of(candidate(0, GPT, 500 + turn, 50, new BigDecimal("0.0001"), CandidateOutcome.BLOCKED))));
        }
        log.deliver(handlers);
        var live = db.snapshot();
        assertThat(live.get("spend_entries")).as("a call of no tokens has no row").hasSize(15);

        for (int batchSize : new int[] {1, 4, 64}) {
            log.replayInBatches(db.transactions(), batchSize, handlers);
            assertThat(db.snapshot()).as("batches of " + batchSize).isEqualTo(live);
        }
        assertThat(db.rows("SELECT DISTINCT world_id FROM spend_entries WHERE cost = 0.0001"))
                .as("a failure's world, read from the story's row written in the same batch")
                .containsExactly(Map.of("world_id", "w2"));
    }

    @Test
    void budgetsAreKeptAsLastSetAndGoneOnceLifted() {
        log.globalBudget(new GlobalBudgetSet("global", new BudgetLimits(new BigDecimal("5"), null, WhenExhausted.REFUSE),
                        "paula"),
                new GlobalBudgetSet("global", new BudgetLimits(new BigDecimal("7"), new BigDecimal("90"),
                        WhenExhausted.CHEAPER), "paula"));
        log.world("w1", new WorldBudgetSet("w1", new BudgetLimits(null, new BigDecimal("20"), WhenExhausted.REFUSE), "arno"));
        log.deliver(handlers);

        assertThat(db.row("SELECT * FROM budgets WHERE scope = 'global'"))
                .containsEntry("when_exhausted", "CHEAPER").containsEntry("world_id", null);
        assertThat((BigDecimal) db.row("SELECT * FROM budgets WHERE scope = 'global'").get("monthly_usd"))
                .isEqualByComparingTo("90");
        assertThat(db.row("SELECT * FROM budgets WHERE scope = 'world:w1'"))
                .containsEntry("world_id", "w1").containsEntry("daily_usd", null).containsEntry("set_by", "arno");

        log.globalBudget(new GlobalBudgetCleared("global", "paula"));
        log.deliver(handlers);
        assertThat(db.rows("SELECT scope FROM budgets")).extracting(row -> row.get("scope")).containsExactly("world:w1");
    }

    private List<BigDecimal> costs() {
        return db.rows("SELECT cost FROM spend_entries ORDER BY call_index").stream()
                .map(row -> ((BigDecimal) row.get("cost")).stripTrailingZeros())
                .map(cost -> cost.signum() == 0 ? BigDecimal.ZERO : cost).toList();
    }

    private static NarrationRecorded recorded(String requestId, CandidateReport... candidates) {
        NarrationProvenance provenance = routed(GPT, "v", NarrationArm.STABLE, SLOT, null, null, 800, 0, 0)
                .judged(List.of(candidates), "best total", List.of());
        return new NarrationRecorded("s1", "w1", requestId, requestId, "n-" + requestId, 0, "text", provenance);
    }

    private static CandidateReport candidate(int index, String model, int prompt, int completion, BigDecimal cost,
            CandidateOutcome outcome) {
        return new CandidateReport(index, 1, SLOT, NarrationArm.STABLE, null, null, model, "v", "text", null, 700,
                prompt, completion, null, outcome, List.of(), cost);
    }
}
