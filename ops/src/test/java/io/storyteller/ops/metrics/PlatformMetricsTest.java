package io.storyteller.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storyteller.domain.deployment.Gate;
import io.storyteller.domain.deployment.GateResult;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlatformMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** $1 per thousand prompt tokens, $2 per thousand completion tokens, for the paid model only. */
    private final PlatformMetrics metrics = new PlatformMetrics(registry,
            (model, prompt, completion) -> "paid".equals(model) ? prompt / 1000.0 + completion * 2 / 1000.0 : 0);

    @Test
    void aTurnIsCountedOncePerPlayerAction() {
        metrics.on(new PlayerActionSubmitted("story-1", "world-1", "beat-1", "player-1", "I open the door."));
        metrics.on(new PlayerActionSubmitted("story-2", "world-1", "beat-2", "player-2", "I wait."));

        assertThat(registry.get("storyteller.turns").counter().count()).isEqualTo(2);
    }

    @Test
    void aNarrationRecordsLatencyByDeploymentAndArmAndEveryCandidatesTokensAndCost() {
        NarrationProvenance provenance = provenance(1200).routed("narrator-eu", NarrationArm.CANARY, "rollout-1", 2)
                .judged(List.of(candidate(0, "paid", CandidateOutcome.CHOSEN, 100, 50),
                        candidate(1, "house:w", CandidateOutcome.BLOCKED, 80, 40)), "highest total", List.of());

        metrics.on(new NarrationRecorded("story-1", "world-1", "req-1", "beat-1", "beat-2", 0, "The door opens.",
                provenance));

        var latency = registry.get("storyteller.narration.latency")
                .tags("deployment", "narrator-eu", "arm", "canary", "outcome", "recorded").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1200);
        assertThat(registry.get("storyteller.narration.tokens").tags("arm", "canary", "kind", "prompt").counter()
                .count()).isEqualTo(180);
        assertThat(registry.get("storyteller.narration.tokens").tags("arm", "canary", "kind", "completion").counter()
                .count()).isEqualTo(90);
        assertThat(registry.get("storyteller.narration.cost").tags("deployment", "narrator-eu").counter().count())
                .isEqualTo(0.1 + 0.1);
        assertThat(registry.get("storyteller.guardrail.blocks").tags("deployment", "narrator-eu", "action", "block")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aNarrationOutsideAnyDeploymentIsLabelledNoneAndNeverByStoryOrPlayer() {
        metrics.on(new NarrationRecorded("story-9", "world-9", "req-9", "beat-1", "beat-2", 0, "Rain.", provenance(30)));

        var latency = registry.get("storyteller.narration.latency").timer();
        assertThat(latency.getId().getTag("deployment")).isEqualTo("none");
        assertThat(latency.getId().getTag("arm")).isEqualTo("none");
        assertThat(registry.getMeters()).flatMap(meter -> meter.getId().getTags())
                .noneSatisfy(tag -> assertThat(tag.getValue()).contains("story-9", "world-9", "req-9"));
    }

    @Test
    void failuresAreCountedByKindNeverByTheirWording() {
        metrics.on(new NarrationFailed("s", "r1", "b", "provider answered 503 Service Unavailable", "paid",
                new NarrationRoute("narrator-eu", NarrationArm.STABLE, null, null)));
        metrics.on(new NarrationFailed("s", "r2", "b", "provider answered 502 Bad Gateway", "paid",
                new NarrationRoute("narrator-eu", NarrationArm.STABLE, null, null)));
        metrics.on(new NarrationFailed("s", "r3", "b", "world w-42 is not known to the narrator", ""));
        metrics.on(new ShadowNarrationRecorded("s", "w", "r4", "b", null, "narrator timed out after 60 s",
                provenance(0).routed("narrator-eu", NarrationArm.SHADOW, "rollout-1", 0)));

        assertThat(registry.get("storyteller.narration.failures")
                .tags("reason", "provider_server_error", "deployment", "narrator-eu", "arm", "stable").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("storyteller.narration.failures").tags("reason", "unknown_world", "deployment", "none")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("storyteller.narration.failures").tags("reason", "timeout", "arm", "shadow")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find("storyteller.narration.failures").meters()).map(Meter::getId)
                .allSatisfy(id -> assertThat(id.getTag("reason")).doesNotContain("w-42", " "));
    }

    @Test
    void aRolloutAnalysisCountsEachGateResultAndTheVerdict() {
        metrics.on(new RolloutAnalyzed("narrator-eu", "rollout-1", 1, RolloutPhase.CANARY, null, null,
                List.of(new GateResult(Gate.ERROR_RATE, 0.1, 0.0, 0.1, 0.25, false),
                        new GateResult(Gate.LATENCY_P95, 2000, 900.0, 2000, 800.0, true)),
                Verdict.ROLLBACK, "ERROR_RATE 0.25 above limit 0.1", "rollout-saga"));

        assertThat(registry.get("storyteller.rollout.gate.results").tags("gate", "error_rate", "result", "fail")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("storyteller.rollout.gate.results").tags("gate", "latency_p95", "result", "pass")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("storyteller.rollout.verdicts").tags("verdict", "rollback").counter().count())
                .isEqualTo(1);
    }

    private static NarrationProvenance provenance(long latencyMillis) {
        return new NarrationProvenance("paid", "1", "digest", List.of(), latencyMillis, 10, 5);
    }

    private static CandidateReport candidate(int index, String model, CandidateOutcome outcome, int prompt,
            int completion) {
        return new CandidateReport(index, 1, "narrator-eu", NarrationArm.CANARY, "rollout-1", 2, model, "1", "text",
                null, 500, prompt, completion, null, outcome);
    }
}
