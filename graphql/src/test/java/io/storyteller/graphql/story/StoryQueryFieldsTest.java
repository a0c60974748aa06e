package io.storyteller.graphql.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindBeat;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindStories;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.Views;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

class StoryQueryFieldsTest extends ApiTest {

    @Test
    void story_asks_FindStory_as_the_caller_and_answers_null_when_it_is_hidden() {
        queries.answer(FindStory.class, query -> query.storyId().equals("s1") ? Views.story("s1", "w1") : null);

        JsonNode data = graphQl("{ seen: story(id: \"s1\") { id worldId title status startedAt } hidden: story(id: \"s2\") { id } }")
                .get("data");

        assertThat(data.at("/seen/id").asText()).isEqualTo("s1");
        assertThat(data.at("/seen/status").asText()).isEqualTo("ACTIVE");
        assertThat(data.at("/seen/startedAt").asText()).isEqualTo("2025-03-01T10:15:30.000Z");
        assertThat(data.get("hidden").isNull()).isTrue();
        assertThat(queries.asked()).contains(new FindStory("s1", ALICE), new FindStory("s2", ALICE));
        assertThat(queries.responseTypes()).allMatch(type -> type.equals(ResponseTypes.optionalInstanceOf(
                io.storyteller.domain.story.StoryView.class)));
    }

    @Test
    void stories_asks_FindStories_in_a_world_or_everywhere() {
        queries.answer(FindStories.class, query -> List.of(Views.story("s1", "w1")));

        JsonNode data = graphQl("{ inWorld: stories(worldId: \"w1\") { id } everywhere: stories { id } }").get("data");

        assertThat(data.at("/inWorld/0/id").asText()).isEqualTo("s1");
        assertThat(queries.asked()).containsExactlyInAnyOrder(new FindStories(ALICE, "w1"), new FindStories(ALICE, null));
    }

    @Test
    void a_story_knows_its_world() {
        queries.answer(FindStory.class, query -> Views.story("s1", "w1"));
        queries.answer(FindWorld.class, query -> Views.world(query.worldId()));

        JsonNode data = graphQl("{ story(id: \"s1\") { world { id settings { name } } } }").get("data");

        assertThat(data.at("/story/world/settings/name").asText()).isEqualTo("Eldoria");
        assertThat(queries.asked()).contains(new FindWorld("w1", ALICE));
    }

    @Test
    void beats_page_with_opaque_cursors_through_FindBeats() {
        queries.answer(FindStory.class, query -> Views.story("s1", "w1"));
        queries.answer(FindBeats.class, query -> new BeatPage(
                List.of(Views.action("s1", query.afterPosition() + 1), Views.narration("s1", query.afterPosition() + 2)),
                query.afterPosition() > 0, true, 10));

        JsonNode first = graphQl("""
                { story(id: "s1") { beats(first: 2) { totalCount
                    edges { cursor node { id position kind text provenance { model latencyMillis loreEntryIds } } }
                    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }""").at("/data/story/beats");
        String endCursor = first.at("/pageInfo/endCursor").asText();
        JsonNode second = graphQl("query($after: String) { story(id: \"s1\") { beats(first: 2, after: $after) { edges { node { position } } pageInfo { hasPreviousPage } } } }",
                java.util.Map.of("after", endCursor)).at("/data/story/beats");

        assertThat(first.get("totalCount").asInt()).isEqualTo(10);
        assertThat(first.at("/edges/0/node/kind").asText()).isEqualTo("PLAYER_ACTION");
        assertThat(first.at("/edges/1/node/provenance/latencyMillis").asLong()).isEqualTo(12_345_678_901L);
        assertThat(first.at("/edges/0/cursor").asText()).isEqualTo(first.at("/pageInfo/startCursor").asText());
        assertThat(endCursor).isEqualTo(first.at("/edges/1/cursor").asText()).doesNotContain("2");
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(second.at("/edges/0/node/position").asInt()).isEqualTo(3);
        assertThat(second.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
        assertThat(queries.asked()).contains(new FindBeats("s1", ALICE, 0, 2), new FindBeats("s1", ALICE, 2, 2));
    }

    @Test
    void beats_default_to_a_page_of_twenty_and_refuse_a_foreign_cursor_or_an_oversized_page() {
        queries.answer(FindStory.class, query -> Views.story("s1", "w1"));
        queries.answer(FindBeats.class, query -> new BeatPage(List.of(), false, false, 0));

        JsonNode defaulted = graphQl("{ story(id: \"s1\") { beats { totalCount pageInfo { startCursor endCursor } } } }");
        JsonNode foreign = graphQl("{ story(id: \"s1\") { beats(after: \"bm9wZQ==\") { totalCount } } }");
        JsonNode oversized = graphQl("{ story(id: \"s1\") { beats(first: 101) { totalCount } } }");

        assertThat(defaulted.at("/data/story/beats/pageInfo/startCursor").isNull()).isTrue();
        assertThat(queries.asked()).contains(new FindBeats("s1", ALICE, 0, 20));
        assertThat(foreign.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(foreign.at("/errors/0/extensions/field").asText()).isEqualTo("after");
        assertThat(oversized.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(oversized.at("/errors/0/extensions/rule").asText()).isEqualTo("range:1..100");
    }

    @Test
    void beat_asks_FindBeat_for_the_story_read_and_answers_null_for_a_beat_it_does_not_have() {
        queries.answer(FindStory.class, query -> Views.story("s1", "w1"));
        queries.answer(FindBeat.class, query -> query.beatId().equals("b104") ? Views.narration("s1", 104) : null);

        JsonNode data = graphQl("{ story(id: \"s1\") { found: beat(id: \"b104\") { id position text provenance { model } } "
                + "missing: beat(id: \"b999\") { id } } }").at("/data/story");

        assertThat(data.at("/found/position").asInt()).isEqualTo(104);
        assertThat(data.at("/found/provenance/model").asText()).isEqualTo("house-narrator");
        assertThat(data.get("missing").isNull()).isTrue();
        assertThat(queries.asked()).contains(new FindBeat("s1", "b104", ALICE), new FindBeat("s1", "b999", ALICE));
        assertThat(queries.responseTypes()).contains(ResponseTypes.optionalInstanceOf(BeatView.class));
    }

    @Test
    void beat_refuses_a_malformed_id_naming_the_argument_and_its_rule() {
        queries.answer(FindStory.class, query -> Views.story("s1", "w1"));

        JsonNode blank = graphQl("{ story(id: \"s1\") { beat(id: \" \") { id } } }");
        JsonNode misshapen = graphQl("{ story(id: \"s1\") { beat(id: \"-b1\") { id } } }");

        assertThat(blank.at("/errors/0/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(blank.at("/errors/0/extensions/field").asText()).isEqualTo("id");
        assertThat(blank.at("/errors/0/extensions/rule").asText()).isEqualTo("required");
        assertThat(misshapen.at("/errors/0/extensions/rule").asText()).isEqualTo("id-shape");
        assertThat(queries.asked()).noneMatch(FindBeat.class::isInstance);
    }
}
