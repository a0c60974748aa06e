package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.e2e.AccessHttp.Reply;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The reads of a world and its stories: how to ask, what a caller who may see the fixture's world
 * or story gets, and what everyone else gets, which is exactly what a missing one would give.
 */
enum AccessRead {

    WORLD("query($id: ID!) { world(id: $id) { id members { userId } } }",
            f -> Map.of("id", f.worldId),
            (f, reply) -> assertThat(reply.<String>read("$.data.world.id")).isEqualTo(f.worldId),
            reply -> assertThat(reply.<Object>read("$.data.world")).isNull()),

    LORE_ENTRIES("query($worldId: ID!) { loreEntries(worldId: $worldId) { id content { title } } }",
            f -> Map.of("worldId", f.worldId),
            (f, reply) -> assertThat(reply.<List<String>>read("$.data.loreEntries[*].id")).containsExactly(f.loreEntryId),
            reply -> assertThat(reply.<List<?>>read("$.data.loreEntries")).isEmpty()),

    STORIES("query($worldId: ID!) { stories(worldId: $worldId) { id ownerId } }",
            f -> Map.of("worldId", f.worldId),
            (f, reply) -> assertThat(reply.<List<String>>read("$.data.stories[*].id")).containsExactly(f.storyId),
            reply -> assertThat(reply.<List<?>>read("$.data.stories")).isEmpty()),

    STORY_WITH_BEATS("query($id: ID!) { story(id: $id) { id beats { edges { node { id kind text } } } } }",
            f -> Map.of("id", f.storyId),
            (f, reply) -> assertThat(reply.<List<String>>read("$.data.story.beats.edges[*].node.id"))
                    .containsExactly(f.actionBeatId, f.narrationBeatId),
            reply -> assertThat(reply.<Object>read("$.data.story")).isNull());

    private final String document;
    private final Function<AccessFixture, Map<String, Object>> variables;
    private final BiConsumer<AccessFixture, Reply> visible;
    private final Consumer<Reply> hidden;

    AccessRead(String document, Function<AccessFixture, Map<String, Object>> variables,
            BiConsumer<AccessFixture, Reply> visible, Consumer<Reply> hidden) {
        this.document = document;
        this.variables = variables;
        this.visible = visible;
        this.hidden = hidden;
    }

    Reply call(AccessFixture fixture, AccessCaller caller) {
        return fixture.call(caller, document, variables.apply(fixture));
    }

    void assertVisible(AccessFixture fixture, Reply reply) {
        assertThat(reply.errors()).as(reply.body()).isEmpty();
        visible.accept(fixture, reply);
    }

    void assertHidden(Reply reply) {
        assertThat(reply.errors()).as(reply.body()).isEmpty();
        hidden.accept(reply);
    }
}
