package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retrained house narrator is not served for being newer: the automatic retraining stores version
 * 2 of the world's house model, yet its stories are narrated by the pinned version 1 until a narrator
 * slot names version 2.
 */
class ServingHouseVersionsTest extends RolloutScenario {

    @Test
    void aRetrainedHouseNarratorServesOnlyOnceTheWorldsSlotNamesIt() {
        String worldId = cast.worlds.withTwoHouseModels("Pinned harbour " + cast.tag);
        String storyId = cast.player.startStory(worldId, "The second tide");

        RolloutPlayers.playRound(cast.player, List.of(storyId), "I read the tide clock again.", RolloutWorlds.PATIENCE);
        Beat pinned = cast.player.beats(storyId).getLast();
        assertThat(pinned.isNarration()).isTrue();
        assertThat(pinned.provenance().modelVersion()).as("version 2 is stored but only a candidate").isEqualTo("1");
        assertThat(pinned.provenance().model()).isEqualTo("house:" + worldId + ":v1");
        assertThat(pinned.provenance().deploymentId()).isNull();

        Ref v2 = Ref.house(worldId, "2");
        String deploymentId = cast.manager.createDeployment(worldId, v2);
        cast.awaitSlot(worldId, d -> d.stable().equals(v2));
        RolloutPlayers.playRound(cast.player, List.of(storyId), "I wind the clock once more.", RolloutWorlds.PATIENCE);

        Beat routed = cast.player.beats(storyId).getLast();
        assertThat(routed.provenance().model()).isEqualTo("house:" + worldId);
        assertThat(routed.provenance().modelVersion()).isEqualTo("2");
        assertThat(routed.provenance().deploymentId()).isEqualTo(deploymentId);
    }
}
