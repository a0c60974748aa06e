package io.storyteller.projections.rollout;

import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static io.storyteller.projections.support.ModelManagementEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import io.storyteller.projections.model.ModelProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ModelManagementEvents;
import io.storyteller.projections.support.ReadModelDatabase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NarrationOutcomeProjectionTest {

    static final String SLOT = "narrator:world:w1";

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        log.model(GPT, ModelManagementEvents.gptRegistered());
        log.model(HOUSE, ModelManagementEvents.houseRegistered());
        handlers = new Object[] {new ModelProjection(db.jdbc()), new NarrationOutcomeProjection(db.jdbc())};
    }

    @Test
    void narrationsOutsideAnyDeploymentAreNotKept() {
        log.story("s1", new NarrationRecorded("s1", "w1", "a1", "a1", "n1", 0, "text",
                        new NarrationProvenance(GPT, "1", "d", List.of(), 500, 100, 50)),
                new NarrationFailed("s1", "a2", "a2", "timeout", GPT));
        log.deliver(handlers);

        assertThat(db.rows("SELECT * FROM narration_outcomes")).isEmpty();
    }

    @Test
    void aServedNarrationIsPricedFromItsModelsTokenPrice() {
        log.story("s1", recorded("a1", "n1", 0, routed(GPT, "v", NarrationArm.STABLE, SLOT, "r1", 1, 800, 1000, 200)));
        log.deliver(handlers);

        Map<String, Object> row = db.row("SELECT * FROM narration_outcomes");
        assertThat(row).containsEntry("deployment_id", SLOT).containsEntry("rollout_id", "r1")
                .containsEntry("rollout_step", 1).containsEntry("arm", "STABLE").containsEntry("model", GPT)
                .containsEntry("latency_ms", 800L).containsEntry("prompt_tokens", 1000)
                .containsEntry("completion_tokens", 200).containsEntry("failed", false)
                .containsEntry("beat_id", "n1").containsEntry("selected", true).containsEntry("rating", null)
                .containsEntry("occurred_at", at(2));
        // (1000 x 0.15 + 200 x 0.60) / 1,000,000 USD
        assertThat((BigDecimal) row.get("cost")).isEqualByComparingTo("0.00027");
    }

    @Test
    void aJudgedTurnCountsEachRoutedCandidateWithItsVerdicts() {
        CandidateReport chosen = candidate(0, NarrationArm.STABLE, CandidateOutcome.CHOSEN, 0.2, 0.8);
        CandidateReport blocked = candidate(1, NarrationArm.CANARY, CandidateOutcome.BLOCKED, 0.3, 0.9);
        CandidateReport flagged = candidate(2, NarrationArm.CANARY, CandidateOutcome.MACHINE_WRITTEN, 0.97, 0.6);
        CandidateReport failed = new CandidateReport(3, 1, SLOT, NarrationArm.CANARY, "r1", 1, HOUSE, "2", null,
                "narrator timed out", 30000, 0, 0, null, CandidateOutcome.FAILED);
        NarrationProvenance provenance = routed(GPT, "v", NarrationArm.STABLE, SLOT, "r1", 1, 800, 1000, 200)
                .judged(List.of(chosen, blocked, flagged, failed), "highest review total", List.of());
        log.story("s1", recorded("a1", "n1", 0, provenance),
                new NarrationFailed("s1", "a2", "a2", "every candidate was refused", GPT,
                        new NarrationRoute(SLOT, NarrationArm.CANARY, "r1", 1), List.of(blocked)));
        log.deliver(handlers);

        assertThat(db.rows("""
                SELECT arm, beat_id, selected, failed, guardrail_blocked, detector_score, review_score
                FROM narration_outcomes ORDER BY occurred_at, event_id"""))
                .extracting(r -> r.get("arm") + "/" + r.get("beat_id") + "/" + r.get("selected") + "/" + r.get("failed")
                        + "/" + r.get("guardrail_blocked") + "/" + r.get("detector_score") + "/" + r.get("review_score"))
                .containsExactly("STABLE/n1/true/false/false/0.2/0.8", "CANARY/null/false/false/true/0.3/0.9",
                        "CANARY/null/false/false/false/0.97/0.6", "CANARY/null/false/true/false/0.0/null",
                        "CANARY/null/false/false/true/0.3/0.9");
    }

    private static CandidateReport candidate(int index, NarrationArm arm, CandidateOutcome outcome, double detector,
            double total) {
        CandidateScores scores = new CandidateScores(1, 1, 0.5, 0.5, null, total, detector,
                new HarmVerdict("house:guardrail", "1", Map.of(), outcome != CandidateOutcome.BLOCKED, List.of()), List.of());
        return new CandidateReport(index, 1, SLOT, arm, "r1", 1, arm == NarrationArm.STABLE ? GPT : HOUSE, "2",
                "text " + index, null, 400, 100, 50, scores, outcome);
    }

    @Test
    void shadowCallsAndFailuresAreKeptWithTheirArm() {
        log.story("s1",
                new ShadowNarrationRecorded("s1", "w1", "a1", "a1", "shadow text", null,
                        routed(HOUSE, "2", NarrationArm.SHADOW, SLOT, "r1", 0, 300, 900, 120)),
                new ShadowNarrationRecorded("s1", "w1", "a2", "a2", null, "timeout",
                        routed(HOUSE, "2", NarrationArm.SHADOW, SLOT, "r1", 0, 60000, 0, 0)),
                new NarrationFailed("s1", "a3", "a3", "provider down", "unknown:model",
                        new NarrationRoute(SLOT, NarrationArm.CANARY, "r1", 1)));
        log.deliver(handlers);

        assertThat(db.rows("SELECT arm, failed, beat_id, latency_ms, model, cost FROM narration_outcomes ORDER BY occurred_at"))
                .extracting(r -> r.get("arm") + "/" + r.get("failed") + "/" + r.get("beat_id") + "/"
                        + r.get("latency_ms") + "/" + r.get("model") + "/" + ((BigDecimal) r.get("cost")).signum())
                .containsExactly("SHADOW/false/null/300/house:w1/0", "SHADOW/true/null/60000/house:w1/0",
                        "CANARY/true/null/0/unknown:model/0");
    }

    @Test
    void aJudgedShadowAnswerCountsItsVerdictsForTheShadowArm() {
        CandidateReport refused = candidate(0, NarrationArm.SHADOW, CandidateOutcome.BLOCKED, 0.4, 0.7);
        CandidateReport passed = candidate(0, NarrationArm.SHADOW, CandidateOutcome.MIRRORED, 0.95, 0.5);
        log.story("s1",
                new ShadowNarrationRecorded("s1", "w1", "a1", "a1", "text 0", null,
                        routed(HOUSE, "2", NarrationArm.SHADOW, SLOT, "r1", 0, 300, 900, 120)
                                .judged(List.of(refused), null, List.of())),
                new ShadowNarrationRecorded("s1", "w1", "a2", "a2", "text 0", null,
                        routed(HOUSE, "2", NarrationArm.SHADOW, SLOT, "r1", 0, 300, 900, 120)
                                .judged(List.of(passed), null, List.of())));
        log.deliver(handlers);

        assertThat(db.rows("""
                SELECT arm, beat_id, failed, guardrail_blocked, detector_score, review_score
                FROM narration_outcomes ORDER BY occurred_at, event_id"""))
                .extracting(r -> r.get("arm") + "/" + r.get("beat_id") + "/" + r.get("failed") + "/"
                        + r.get("guardrail_blocked") + "/" + r.get("detector_score") + "/" + r.get("review_score"))
                .containsExactly("SHADOW/null/false/true/0.4/0.7", "SHADOW/null/false/false/0.95/0.5");
    }

    @Test
    void aRatingGoesToTheBeatsSelectedAlternative() {
        var first = routed(GPT, "v", NarrationArm.STABLE, SLOT, "r1", 1, 800, 1000, 200);
        var retried = routed(GPT, "v", NarrationArm.STABLE, SLOT, "r1", 1, 700, 1000, 220);
        log.story("s1", recorded("a1", "n1", 0, first),
                recorded("retry-1", "n1", 1, retried),
                new BeatRated("s1", "n1", 2, "pia"),
                new NarrationAlternativeSelected("s1", "n1", 0, "pia"),
                new BeatRated("s1", "n1", 5, "pia"));
        log.deliver(handlers);

        assertThat(db.rows("SELECT alternative_index, selected, rating FROM narration_outcomes ORDER BY alternative_index"))
                .containsExactly(row(0, true, 5), row(1, false, 2));
    }

    @Test
    void redeliveryAndReplayRebuildTheSameRows() {
        log.story("s1", recorded("a1", "n1", 0, routed(GPT, "v", NarrationArm.CANARY, SLOT, "r1", 1, 800, 1000, 200)),
                new ShadowNarrationRecorded("s1", "w1", "a1", "a1", "shadow", null,
                        routed(HOUSE, "2", NarrationArm.SHADOW, SLOT, "r1", 0, 300, 900, 120)),
                recorded("retry-1", "n1", 1, routed(GPT, "v", NarrationArm.CANARY, SLOT, "r1", 1, 700, 1000, 220)),
                new NarrationAlternativeSelected("s1", "n1", 0, "pia"),
                new BeatRated("s1", "n1", 4, "pia"),
                new NarrationFailed("s1", "a2", "a2", "down", GPT, new NarrationRoute(SLOT, NarrationArm.STABLE, "r1", 1)));
        log.deliver(handlers);
        var live = db.snapshot();

        log.redeliverAll(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        log.replay(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(live.get("narration_outcomes")).hasSize(4);
    }

    private static NarrationRecorded recorded(String requestId, String beatId, int index, NarrationProvenance provenance) {
        return new NarrationRecorded("s1", "w1", requestId, "a1", beatId, index, "text " + index, provenance);
    }

    private static Map<String, Object> row(int index, boolean selected, Integer rating) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("alternative_index", index);
        row.put("selected", selected);
        row.put("rating", rating);
        return row;
    }

    private static Timestamp at(int index) {
        return Timestamp.from(EventLog.timeOf(index));
    }
}
