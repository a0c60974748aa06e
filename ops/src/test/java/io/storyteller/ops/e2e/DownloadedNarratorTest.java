package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A narrator slot served by a downloaded ONNX decoder (the tiny test decoder in a Hub-like directory,
 * registered as a DOWNLOADED model version whose artifact is that directory) narrates a player's turn
 * in-process through the normal pipeline: no provider endpoint is configured.
 */
class DownloadedNarratorTest extends RolloutScenario {

    @Test
    void aNarratorSlotServedByADownloadedDecoderNarratesWithNoProvider() throws Exception {
        var files = TinyModels.decoder(dataDir.resolve("models").resolve("downloads").resolve("tiny-decoder-" + cast.tag),
                true, 10, 48);
        RolloutClient admin = new RolloutClient(cast.api.as("downloaded-admin-" + cast.tag, PlatformRole.WORLD_ADMIN));
        String worldId = admin.createWorld("Downloaded narrator " + cast.tag);
        admin.addPlayer(worldId, cast.playerId);
        String modelId = "huggingface:tiny-decoder-" + cast.tag;

        assertThat(cast.manager.errors("""
                mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""",
                Map.of("input", Map.of("provider", "huggingface", "providerModelId", "tiny-decoder-" + cast.tag,
                        "kind", "CHAT", "capabilities", List.of("narration"), "contextWindow", 64,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "apache-2.0",
                        "source", "DOWNLOADED")))).isEmpty();
        assertThat(cast.manager.addModelVersion(modelId, "rev1", files.toUri().toString(), "0".repeat(64), 1)).isEmpty();
        Ref version = new Ref(modelId, "rev1");
        cast.manager.createDeployment(worldId, version);
        cast.awaitSlot(worldId, d -> d.stable().equals(version));

        String storyId = cast.player.startStory(worldId, "A cat story");
        RolloutPlayers.playRound(cast.player, List.of(storyId), "I watch the cat.", RolloutWorlds.PATIENCE);

        Beat narration = cast.player.beats(storyId).getLast();
        assertThat(narration.isNarration()).isTrue();
        // The decoder's table, from the transcript's last ":": the cat sat on a mat . the …
        assertThat(narration.text()).startsWith("the cat sat on a mat");
        assertThat(narration.provenance().model()).isEqualTo(modelId);
        assertThat(narration.provenance().modelVersion()).isEqualTo("rev1");
    }
}
