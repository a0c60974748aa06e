package io.storyteller.projections.rollout;

import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.StageVerdict;
import io.storyteller.projections.model.ModelProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ModelManagementEvents;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rows of judge-stage calls: a detector or guardrail rollout is measured per arm like a narrator's. */
class StageOutcomeRowsTest {

    static final String DETECTOR = "detector:global";
    static final String GUARDRAIL = "guardrail:world:w1";
    static final String CLASSIFIER = "house-classifier:detector";

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
    void eachRoutedStageCallOfATurnIsARowOfTheStagesDeploymentEvenWhenTheNarratorIsNotRouted() {
        CandidateReport chosen = candidate(0, CandidateOutcome.CHOSEN,
                detector(NarrationArm.STABLE, "1", 12, 0.2), detector(NarrationArm.SHADOW, "2", 15, 0.35),
                guardrail(NarrationArm.CANARY, false));
        CandidateReport blocked = candidate(1, CandidateOutcome.BLOCKED,
                detector(NarrationArm.STABLE, "1", 11, 0.4),
                StageVerdict.failed(UseCase.DETECTOR, route(DETECTOR, NarrationArm.SHADOW, 0), CLASSIFIER, "2", 3),
                guardrail(NarrationArm.CANARY, true));
        log.story("s1", recorded(unrouted().judged(List.of(chosen, blocked), "highest review total", List.of())),
                new BeatRated("s1", "n1", 4, "pia"));
        log.deliver(handlers);

        assertThat(db.rows("""
                SELECT deployment_id, stage, arm, model_version, latency_ms, failed, guardrail_blocked, detector_score,
                       review_score, beat_id, selected, rating, prompt_tokens
                FROM narration_outcomes ORDER BY event_id"""))
                .extracting(r -> r.get("deployment_id") + " " + r.get("stage") + " " + r.get("arm") + " v"
                        + r.get("model_version") + " " + r.get("latency_ms") + "ms failed=" + r.get("failed")
                        + " blocked=" + r.get("guardrail_blocked") + " score=" + r.get("detector_score")
                        + " review=" + r.get("review_score") + " beat=" + r.get("beat_id") + "/" + r.get("selected")
                        + " rating=" + r.get("rating") + " tokens=" + r.get("prompt_tokens"))
                .containsExactly(
                        "detector:global detector SHADOW v2 15ms failed=false blocked=false score=0.35 review=null beat=n1/true rating=4 tokens=0",
                        "detector:global detector STABLE v1 12ms failed=false blocked=false score=0.2 review=null beat=n1/true rating=4 tokens=0",
                        "guardrail:world:w1 guardrail CANARY v2 5ms failed=false blocked=false score=0.0 review=null beat=n1/true rating=4 tokens=0",
                        "detector:global detector SHADOW v2 3ms failed=true blocked=false score=0.0 review=null beat=null/false rating=null tokens=0",
                        "detector:global detector STABLE v1 11ms failed=false blocked=false score=0.4 review=null beat=null/false rating=null tokens=0",
                        "guardrail:world:w1 guardrail CANARY v2 5ms failed=false blocked=true score=0.0 review=null beat=null/false rating=null tokens=0");
    }

    @Test
    void aFailedTurnsCandidatesCountTheirStageCallsAndRedeliveryCountsThemOnce() {
        CandidateReport blocked = candidate(0, CandidateOutcome.BLOCKED, guardrail(NarrationArm.STABLE, true),
                guardrail(NarrationArm.SHADOW, false));
        log.story("s1", new NarrationFailed("s1", "a2", "a2", "every candidate was refused", "house:w1",
                new NarrationRoute(null, null, null, null), List.of(blocked)));
        log.deliver(handlers);
        var live = db.snapshot();
        log.redeliverAll(handlers);

        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(db.rows("SELECT arm, guardrail_blocked, stage FROM narration_outcomes ORDER BY arm"))
                .containsExactly(Map.of("arm", "SHADOW", "guardrail_blocked", false, "stage", "guardrail"),
                        Map.of("arm", "STABLE", "guardrail_blocked", true, "stage", "guardrail"));
    }

    private static StageVerdict detector(NarrationArm arm, String version, long latency, double score) {
        return StageVerdict.failed(UseCase.DETECTOR, route(DETECTOR, arm, arm == NarrationArm.STABLE ? null : 0),
                CLASSIFIER, version, latency).scored(score);
    }

    private static StageVerdict guardrail(NarrationArm arm, boolean blocked) {
        return StageVerdict.failed(UseCase.GUARDRAIL, route(GUARDRAIL, arm, 1), "house-classifier:guardrail",
                arm == NarrationArm.STABLE ? "1" : "2", 5).blocked(blocked);
    }

    private static NarrationRoute route(String deployment, NarrationArm arm, Integer step) {
        return new NarrationRoute(deployment, arm, "r9", step);
    }

    /** A candidate of the house narrator outside any narrator deployment, judged by routed stages. */
    private static CandidateReport candidate(int index, CandidateOutcome outcome, StageVerdict... stages) {
        CandidateScores scores = new CandidateScores(1, 1, 0.5, 0.5, null, 0.7, 0.3,
                new HarmVerdict("house-classifier:guardrail", "2", Map.of(), outcome != CandidateOutcome.BLOCKED,
                        List.of()), List.of());
        return new CandidateReport(index, 1, null, null, null, null, "house:w1", "1", "text " + index, null, 400, 100,
                50, scores, outcome, List.of(stages));
    }

    private static NarrationProvenance unrouted() {
        return new NarrationProvenance("house:w1", "1", "d", List.of(), 400, 100, 50);
    }

    private static NarrationRecorded recorded(NarrationProvenance provenance) {
        return new NarrationRecorded("s1", "w1", "a1", "a1", "n1", 0, "text 0", provenance);
    }
}
