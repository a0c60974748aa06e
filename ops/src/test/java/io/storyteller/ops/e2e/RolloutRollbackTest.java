package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.deployment.RolloutRolledBack;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.GateResult;
import io.storyteller.ops.e2e.RolloutViews.Provenance;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A candidate that breaks a gate is rolled back by the rollout saga's own analysis, with the gate
 * named in the rationale, and the stable model keeps serving; all through the real GraphQL API on
 * real narrations.
 */
class RolloutRollbackTest extends RolloutScenario {

    @Test
    void aCandidateThatFailsAGateIsRolledBackByItselfAndTheStableKeepsServing() {
        String worldId = cast.worlds.withTwoHouseModels("Rollback harbour " + cast.tag);
        Ref v1 = Ref.house(worldId, "1");
        Ref v2 = Ref.house(worldId, "2");
        String deploymentId = cast.manager.createDeployment(worldId, v1);
        List<String> stories = cast.startStories(worldId, 8);
        cast.awaitSlot(worldId, d -> d.stable().equals(v1));

        // No house narration takes 0 ms: the latency gate cannot be kept.
        String rolloutId = cast.manager.startRollout(deploymentId, v2,
                RolloutClient.strategy(null, List.of(50, 100), "PT2S", 2, Map.of("maxErrorRate", 0.5, "maxLatencyP95Millis", 0)),
                "a latency budget no model keeps");
        List<String> playing = new ArrayList<>(stories);
        playing.addAll(cast.storiesOnBothArms(worldId, stories, rolloutId, 50, 2));
        try (var players = RolloutPlayers.start(cast.player, playing, 100, RolloutFixture.ROLLOUT_PATIENCE)) {
            await("the rollout ended").atMost(RolloutFixture.ROLLOUT_PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !cast.manager.deployment(worldId).runs(rolloutId));
        }

        Deployment after = cast.manager.deployment(worldId);
        assertThat(after.stable()).as("the stable model is unchanged").isEqualTo(v1);
        assertThat(after.rollout()).isNull();
        List<Analysis> analyses = cast.manager.analyses(deploymentId, rolloutId);
        Analysis last = analyses.getLast();
        assertThat(last.verdict()).isEqualTo("ROLLBACK");
        assertThat(last.step()).isZero();
        assertThat(last.phase()).isEqualTo("CANARY");
        assertThat(last.rationale()).startsWith("gate failed: LATENCY_P95").contains("above limit 0");
        assertThat(last.results()).extracting(GateResult::gate, GateResult::passed)
                .containsExactly(tuple("ERROR_RATE", true),
                        tuple("LATENCY_P95", false));
        GateResult latency = last.results().getLast();
        assertThat(latency.limit()).isZero();
        assertThat(latency.observed()).isPositive().isEqualTo((double) last.candidate().latencyP95Millis());
        assertThat(last.candidate().samples()).isGreaterThanOrEqualTo(2);
        assertThat(analyses.subList(0, analyses.size() - 1)).as("inconclusive analyses before it, if any")
                .allSatisfy(a -> assertThat(a.verdict()).isEqualTo("HOLD"));
        assertThat(cast.lastRolloutEnd(deploymentId)).isInstanceOfSatisfying(RolloutRolledBack.class, rolledBack -> {
            assertThat(rolledBack.rolloutId()).isEqualTo(rolloutId);
            assertThat(rolledBack.reason()).isEqualTo(last.rationale());
        });

        // The stable model alone answers again, outside any rollout.
        String storyId = stories.getFirst();
        RolloutPlayers.playRound(cast.player, List.of(storyId), "I wait for the tide to turn.", RolloutWorlds.PATIENCE);
        Provenance p = cast.player.beats(storyId).getLast().provenance();
        assertThat(p.arm()).isEqualTo("STABLE");
        assertThat(p.modelVersion()).isEqualTo("1");
        assertThat(p.rolloutId()).isNull();
    }
}
