package io.storyteller.graphql.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.story.FindStories;
import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.FindWorlds;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.WorldView;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.Views;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

class WorldQueryFieldsTest extends ApiTest {

    @Test
    void me_answers_the_caller_from_the_token() {
        JsonNode me = graphQl("{ me { userId roles } }").at("/data/me");

        assertThat(me.get("userId").asText()).isEqualTo("alice");
        assertThat(me.get("roles").toString()).isEqualTo("[\"PLAYER\",\"WORLD_ADMIN\"]");
    }

    @Test
    void worlds_asks_FindWorlds_for_many_world_views() {
        queries.answer(FindWorlds.class, query -> List.of(Views.world("w1"), Views.world("w2")));

        JsonNode worlds = graphQl("""
                { worlds { id ownerId archived createdAt members { userId role }
                           settings { name premise genre tone contentRating narrativeStyle } } }""").at("/data/worlds");

        assertThat(worlds).hasSize(2);
        assertThat(worlds.at("/0/id").asText()).isEqualTo("w1");
        assertThat(worlds.at("/0/settings/contentRating").asText()).isEqualTo("TEEN");
        assertThat(worlds.at("/0/members/0/role").asText()).isEqualTo("OWNER");
        assertThat(queries.asked()).containsExactly(new FindWorlds(ALICE));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.multipleInstancesOf(WorldView.class));
    }

    @Test
    void world_asks_FindWorld_and_answers_null_when_it_is_hidden() {
        queries.answer(FindWorld.class, query -> null);

        JsonNode response = graphQl("{ world(id: \"w9\") { id } }");

        assertThat(response.at("/data/world").isNull()).isTrue();
        assertThat(response.has("errors")).isFalse();
        assertThat(queries.asked()).containsExactly(new FindWorld("w9", ALICE));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.optionalInstanceOf(WorldView.class));
    }

    @Test
    void loreEntries_asks_FindLoreEntries_directly_or_through_a_world() {
        queries.answer(FindWorld.class, query -> Views.world(query.worldId()));
        queries.answer(FindLoreEntries.class, query -> List.of(Views.lore(query.worldId(), "l1")));
        queries.answer(FindStories.class, query -> List.of(Views.story("s1", query.worldId())));

        JsonNode data = graphQl("""
                { loreEntries(worldId: "w1", includeRetired: true) { id worldId revision retired
                    content { title triggerKeys content category priority alwaysOn } }
                  world(id: "w2") { loreEntries { id } stories { id title } } }""").get("data");

        assertThat(data.at("/loreEntries/0/id").asText()).isEqualTo("l1");
        assertThat(data.at("/loreEntries/0/content/priority").asInt()).isEqualTo(5);
        assertThat(data.at("/world/loreEntries/0/id").asText()).isEqualTo("l1");
        assertThat(data.at("/world/stories/0/title").asText()).isEqualTo("The heist");
        assertThat(queries.asked()).contains(new FindLoreEntries("w1", ALICE, true), new FindLoreEntries("w2", ALICE, false),
                new FindStories(ALICE, "w2"));
        assertThat(queries.responseTypes()).contains(ResponseTypes.multipleInstancesOf(LoreEntryView.class));
    }
}
