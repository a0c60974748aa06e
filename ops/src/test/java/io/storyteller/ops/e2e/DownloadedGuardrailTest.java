package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.GraphQlClient;

/**
 * A guardrail slot served by a downloaded ONNX text classifier (the tiny test classifier in a
 * Hub-like directory, registered as a DOWNLOADED version whose artifact is that directory) judges a
 * turn's candidates in-process, its label {@code tense} mapped to violence by
 * {@code storyteller.guardrail.downloaded.labels.tense} ({@link RolloutEndToEnd}). The world is rated
 * ADULT, so whatever the tiny classifier scores, no fictional verdict blocks the turn.
 */
class DownloadedGuardrailTest extends RolloutScenario {

    @Test
    void aGuardrailSlotServedByADownloadedClassifierJudgesTheTurnsCandidates() throws Exception {
        var files = TinyModels.classifier(dataDir.resolve("models").resolve("downloads").resolve("tiny-guard-" + cast.tag));
        GraphQlClient adminClient = cast.api.as("downloaded-guard-admin-" + cast.tag, PlatformRole.WORLD_ADMIN);
        RolloutClient admin = new RolloutClient(adminClient);
        String worldId = adminClient.document("""
                mutation($name: String!) {
                  createWorld(settings: {name: $name, premise: "A harbour town where the tide keeps secrets.",
                                         genre: "mystery", tone: "wistful", contentRating: ADULT}) { worldId }
                }""").variable("name", "Downloaded guardrail " + cast.tag).retrieve("createWorld.worldId")
                .toEntity(String.class).block(Api.timeout());
        admin.addLore(worldId, "The Tide Clock", List.of("clock", "tide"),
                "A clock on the harbour wall tells the hour of the tide, not of the day.");
        admin.addPlayer(worldId, cast.playerId);
        String modelId = "huggingface:tiny-guard-" + cast.tag;

        assertThat(cast.manager.errors("""
                mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""",
                Map.of("input", Map.of("provider", "huggingface", "providerModelId", "tiny-guard-" + cast.tag,
                        "kind", "CLASSIFIER", "capabilities", List.of("classification"), "contextWindow", 512,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "apache-2.0",
                        "source", "DOWNLOADED")))).isEmpty();
        assertThat(cast.manager.addModelVersion(modelId, "rev1", files.toUri().toString(), "0".repeat(64), 1)).isEmpty();
        Ref version = new Ref(modelId, "rev1");
        cast.manager.createDeployment("GUARDRAIL", worldId, version);
        org.awaitility.Awaitility.await().atMost(RolloutWorlds.PATIENCE).ignoreExceptions()
                .until(() -> version.equals(cast.manager.deployment(worldId, "GUARDRAIL").stable()));

        String storyId = cast.player.startStory(worldId, "A tide story");
        RolloutPlayers.playRound(cast.player, List.of(storyId), "I wind the tide clock.", RolloutWorlds.PATIENCE);

        Beat narration = cast.player.beats(storyId).getLast();
        assertThat(narration.isNarration()).isTrue();
        Map<?, ?> judged = cast.api.as(cast.playerId).document("""
                query($id: ID!) { story(id: $id) { beats(first: 50) { edges { node { id provenance { candidates {
                  outcome scores { guardrail { model modelVersion allowed severities { category severity } } } } } } } } } }""")
                .variable("id", storyId).retrieve("story.beats.edges").toEntityList(Map.class).block(Api.timeout())
                .stream().map(edge -> (Map<?, ?>) edge.get("node")).filter(node -> narration.id().equals(node.get("id")))
                .findFirst().orElseThrow();
        List<Map<?, ?>> verdicts = ((List<?>) ((Map<?, ?>) judged.get("provenance")).get("candidates")).stream()
                .map(candidate -> (Map<?, ?>) ((Map<?, ?>) candidate).get("scores")).filter(Objects::nonNull)
                .<Map<?, ?>>map(scores -> (Map<?, ?>) scores.get("guardrail")).filter(Objects::nonNull).toList();
        assertThat(verdicts).isNotEmpty().allSatisfy(verdict -> {
            assertThat(verdict.get("model")).isEqualTo(modelId);
            assertThat(verdict.get("modelVersion")).isEqualTo("rev1");
            assertThat(verdict.get("allowed")).isEqualTo(true);
            assertThat((List<?>) verdict.get("severities")).allSatisfy(severity ->
                    assertThat(((Map<?, ?>) severity).get("category")).isEqualTo("violence"));
        });
    }
}
