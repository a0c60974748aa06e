package io.storyteller.ops.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * After the fuzz, new objects of every kind still reach the read side: a world with lore, a story
 * with a player action, a model and a deployment, each seen by the query that lists them. A
 * processor stalled by anything the fuzz stored would leave one of them out.
 */
final class ReadModelsAdvance {

    private final FuzzWorld world;

    ReadModelsAdvance(FuzzWorld world) {
        this.world = world;
    }

    void check() {
        String worldId = world.createWorld(world.ownerToken, "After the storm " + world.tag);
        world.member(world.ownerToken, worldId, world.playerId);
        String loreEntryId = world.addLore(world.ownerToken, worldId, "The new harbour");
        String storyId = world.startStory(world.playerToken, worldId);
        String actionBeatId = world.act(storyId, "I walk to the new harbour.");
        String modelId = world.registerModel("fuzz-after-" + world.tag);
        String slotWorldId = world.createWorld(world.ownerToken, "Slot world " + world.tag);
        String deploymentId = world.must(world.adminToken, """
                mutation($w: ID!, $m: ID!) { createDeployment(useCase: NARRATOR, worldId: $w, stable: {modelId: $m, version: "1"}) {
                  deploymentId } }""", Map.of("w", slotWorldId, "m", modelId)).read("$.data.createDeployment.deploymentId");

        FuzzWorld.eventually(() -> {
            assertThat(world.must(world.playerToken, "{ worlds { id loreEntries { id } } }", Map.of())
                    .<List<String>>read("$.data.worlds[?(@.id == '" + worldId + "')].loreEntries[*].id"))
                    .as("the new world and its lore in worlds").containsExactly(loreEntryId);
            assertThat(world.must(world.playerToken, "query($w: ID) { stories(worldId: $w) { id beats(first: 10) { edges { node { id } } } } }",
                    Map.of("w", worldId)).<List<String>>read("$.data.stories[*].beats.edges[*].node.id"))
                    .as("the new story and its action in stories").contains(actionBeatId);
            assertThat(world.must(world.adminToken, "{ models { id } }", Map.of()).<List<String>>read("$.data.models[*].id"))
                    .as("the new model in models").contains(modelId);
            assertThat(world.must(world.adminToken, "query($w: ID) { deployments(worldId: $w) { id } }", Map.of("w", slotWorldId))
                    .<List<String>>read("$.data.deployments[*].id")).as("the new deployment in deployments").contains(deploymentId);
        });
    }
}
