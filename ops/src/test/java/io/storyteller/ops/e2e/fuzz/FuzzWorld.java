package io.storyteller.ops.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fuzzed requests aim at, made through the API at the start: a world owned by a world
 * admin with a lore entry, a player and a second member; the player's story with an action and its
 * narration; a registered model with a version, deployed as the narrator of a second, foreign world
 * owned by another world admin, who has a story there too. Every user id carries the fixture's tag.
 */
final class FuzzWorld {

    /** Beyond the first guardrail training a fresh application may still be doing (the input guard waits for it). */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String ownerId = "fuzz-owner-" + tag;
    final String playerId = "fuzz-player-" + tag;
    final String memberId = "fuzz-member-" + tag;
    final String adminId = "fuzz-admin-" + tag;
    final String foreignOwnerId = "fuzz-foreign-" + tag;
    final String ownerToken;
    final String playerToken;
    final String adminToken;
    final String foreignToken;
    String worldId;
    String loreEntryId;
    String storyId;
    String actionBeatId;
    String narrationBeatId;
    String foreignWorldId;
    String foreignStoryId;
    String modelId;
    String deploymentId;
    private final FuzzHttp http;

    FuzzWorld(Api api, FuzzHttp http) {
        this.http = http;
        ownerToken = api.token(ownerId, PlatformRole.WORLD_ADMIN);
        playerToken = api.token(playerId, PlatformRole.PLAYER);
        adminToken = api.token(adminId, PlatformRole.PLATFORM_ADMIN);
        foreignToken = api.token(foreignOwnerId, PlatformRole.WORLD_ADMIN);
    }

    FuzzWorld create() {
        worldId = createWorld(ownerToken, "Fuzzed harbour " + tag);
        member(ownerToken, worldId, playerId);
        member(ownerToken, worldId, memberId);
        loreEntryId = must(ownerToken, """
                mutation($w: ID!) { addLoreEntry(worldId: $w, content: {title: "The lighthouse", triggerKeys: ["lighthouse"],
                  content: "The keeper has not been seen for a week."}) { loreEntryId } }""", Map.of("w", worldId))
                .read("$.data.addLoreEntry.loreEntryId");
        storyId = startStory(playerToken, worldId);
        foreignWorldId = createWorld(foreignToken, "Foreign shore " + tag);
        foreignStoryId = startStory(foreignToken, foreignWorldId);
        modelId = registerModel("fuzz-model-" + tag);
        deploymentId = must(adminToken, """
                mutation($w: ID!, $m: ID!) { createDeployment(useCase: NARRATOR, worldId: $w, stable: {modelId: $m, version: "1"}) {
                  deploymentId } }""", Map.of("w", foreignWorldId, "m", modelId)).read("$.data.createDeployment.deploymentId");
        eventually(() -> assertThat(readStory(storyId)).isNotNull());
        actionBeatId = act(storyId, "I climb the lighthouse stairs.");
        eventually(() -> {
            List<String> narrations = must(adminToken, """
                    query($s: ID!) { story(id: $s) { narrationPending beats(first: 10) { edges { node { id kind } } } } }""",
                    Map.of("s", storyId)).read("$.data.story.beats.edges[?(@.node.kind == 'NARRATION')].node.id");
            assertThat(narrations).hasSize(1);
            narrationBeatId = narrations.getFirst();
        });
        return this;
    }

    String createWorld(String token, String name) {
        return must(token, """
                mutation($name: String!) { createWorld(settings: {name: $name, premise: "Fog over a quiet coast.",
                  genre: "mystery", tone: "quiet", contentRating: TEEN}) { worldId } }""", Map.of("name", name))
                .read("$.data.createWorld.worldId");
    }

    String addLore(String token, String world, String title) {
        return must(token, """
                mutation($w: ID!, $t: String!) { addLoreEntry(worldId: $w, content: {title: $t, content: "Salt and rope."}) {
                  loreEntryId } }""", Map.of("w", world, "t", title)).read("$.data.addLoreEntry.loreEntryId");
    }

    void member(String token, String world, String userId) {
        must(token, "mutation($w: ID!, $u: ID!) { addWorldMember(worldId: $w, userId: $u, role: PLAYER) { userId } }",
                Map.of("w", world, "u", userId));
    }

    /** Starts a story once the world has reached the read side, which checks membership. */
    String startStory(String token, String world) {
        String[] id = new String[1];
        eventually(() -> id[0] = must(token, "mutation($w: ID!) { startStory(worldId: $w, title: \"Fog\") { storyId } }",
                Map.of("w", world)).read("$.data.startStory.storyId"));
        return id[0];
    }

    /** A player action in the player's story, once the story has reached the read side. */
    String act(String story, String text) {
        String[] id = new String[1];
        eventually(() -> id[0] = must(playerToken, """
                mutation($s: ID!, $t: String!) { submitPlayerAction(storyId: $s, text: $t) { actionBeatId } }""",
                Map.of("s", story, "t", text)).read("$.data.submitPlayerAction.actionBeatId"));
        return id[0];
    }

    /** Registers a paid-API model with a version "1"; answers its id. */
    String registerModel(String providerModelId) {
        String id = must(adminToken, """
                mutation($p: String!) { registerModel(input: {provider: "fuzz", providerModelId: $p, kind: CHAT,
                  contextWindow: 4096, price: {inputPerMillion: 1, outputPerMillion: 2}, license: "proprietary",
                  source: PAID_API}) { modelId } }""", Map.of("p", providerModelId)).read("$.data.registerModel.modelId");
        must(adminToken, "mutation($m: ID!) { addModelVersion(modelId: $m, input: {version: \"1\"}) { version } }",
                Map.of("m", id));
        return id;
    }

    Map<String, Object> readStory(String id) {
        return must(adminToken, "query($s: ID!) { story(id: $s) { id } }", Map.of("s", id)).read("$.data.story");
    }

    /** A call that must succeed. */
    FuzzHttp.Reply must(String token, String document, Map<String, Object> variables) {
        FuzzHttp.Reply reply = http.post(token, document, variables);
        assertThat(reply.errors()).as("%s: %s", document, reply).isEmpty();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    static void eventually(org.awaitility.core.ThrowingRunnable check) {
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .untilAsserted(check);
    }
}
