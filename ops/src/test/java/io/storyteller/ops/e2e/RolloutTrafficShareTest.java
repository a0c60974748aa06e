package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.RolloutAborted;
import io.storyteller.ops.e2e.RolloutViews.AuditedNarration;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Decision;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import io.storyteller.ops.e2e.RolloutViews.Traffic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A canary paused at a weight keeps its split: of many new stories the candidate narrates about
 * that share, each story staying on its arm from one action to the next; then the rollout is
 * aborted. Through the real GraphQL API on real narrations.
 */
class RolloutTrafficShareTest extends RolloutScenario {

    @Test
    void aPausedCanaryServesItsWeightOfNewStoriesAndEachStoryKeepsItsArm() {
        String worldId = cast.worlds.withTwoHouseModels("Canary harbour " + cast.tag);
        Ref v1 = Ref.house(worldId, "1");
        Ref v2 = Ref.house(worldId, "2");
        String deploymentId = cast.manager.createDeployment(worldId, v1);
        cast.awaitSlot(worldId, d -> d.stable().equals(v1));
        String rolloutId = cast.manager.startRollout(deploymentId, v2,
                RolloutClient.strategy(null, List.of(25, 100), "PT5S", 1, Map.of()), "a quarter of the stories");
        cast.manager.pauseRollout(deploymentId, rolloutId, "hold the split to measure it");
        Deployment paused = cast.awaitSlot(worldId, d -> d.runs(rolloutId) && d.rollout().paused());
        assertThat(paused.rollout().step()).isZero();
        assertThat(paused.rollout().weight()).isEqualTo(25);
        assertThat(paused.traffic()).isEqualTo(new Traffic(75, 25, false, v2));

        int n = 100;
        List<String> stories = cast.startStories(worldId, n);
        RolloutPlayers.playRound(cast.player, stories, "I knock at the customs house.", RolloutWorlds.PATIENCE.multipliedBy(2));
        RolloutPlayers.playRound(cast.player, stories, "I ask for the salt archive.", RolloutWorlds.PATIENCE.multipliedBy(2));

        Map<String, List<Beat>> narrations = new HashMap<>();
        stories.forEach(id -> narrations.put(id, cast.player.beats(id).stream().filter(Beat::isNarration).toList()));
        assertThat(narrations.values()).allSatisfy(beats -> {
            assertThat(beats).hasSize(2);
            assertThat(beats).allSatisfy(b -> {
                assertThat(b.provenance().deploymentId()).isEqualTo(deploymentId);
                assertThat(b.provenance().rolloutId()).isEqualTo(rolloutId);
                assertThat(b.provenance().arm()).isIn("STABLE", "CANARY");
                assertThat(b.provenance().rolloutStep()).isZero();
                assertThat(b.provenance().modelVersion()).isEqualTo(b.provenance().arm().equals("CANARY") ? "2" : "1");
            });
            assertThat(beats.get(1).provenance().arm()).as("the second narration's arm is the first's")
                    .isEqualTo(beats.get(0).provenance().arm());
        });
        long canary = narrations.values().stream().filter(b -> b.getFirst().provenance().arm().equals("CANARY")).count();
        // Binomial(100, 0.25): mean 25, standard deviation 4.33; three of them either side.
        int tolerance = (int) Math.ceil(3 * Math.sqrt(n * 0.25 * 0.75));
        assertThat(canary).as("stories on the canary").isBetween(25L - tolerance, 25L + tolerance);
        assertThat(cast.manager.analyses(deploymentId, rolloutId)).as("no analysis while paused").isEmpty();

        // The audit of a canary beat shows the rollout stood paused.
        var canaryBeat = narrations.entrySet().stream()
                .filter(e -> e.getValue().getFirst().provenance().arm().equals("CANARY")).findFirst().orElseThrow();
        AuditedNarration audited = cast.manager.audit(canaryBeat.getKey(), canaryBeat.getValue().getFirst().id())
                .alternatives().getFirst();
        assertThat(audited.decisions()).extracting(Decision::kind).containsExactly("ROLLOUT_STARTED", "ROLLOUT_PAUSED");
        assertThat(audited.decisions().getLast().rationale()).isEqualTo("hold the split to measure it");

        cast.manager.abortRollout(deploymentId, rolloutId, "measured");
        Deployment aborted = cast.awaitSlot(worldId, d -> d.rollout() == null);
        assertThat(aborted.stable()).isEqualTo(v1);
        assertThat(cast.lastRolloutEnd(deploymentId)).isInstanceOf(RolloutAborted.class);
    }
}
