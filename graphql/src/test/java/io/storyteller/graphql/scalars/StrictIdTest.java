package io.storyteller.graphql.scalars;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.storyteller.domain.story.FindStory;
import io.storyteller.graphql.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** ID takes strings and integers only, and no text that no id could be; a refusal names the argument. */
class StrictIdTest extends ApiTest {

    private static final String STORY_BY_VARIABLE = "query($storyId: ID!) { story(id: $storyId) { id } }";

    @BeforeEach
    void noStories() {
        queries.answer(FindStory.class, query -> Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{a: 1}", "[\"s1\"]", "true", "1.5"})
    void a_literal_of_another_type_is_a_bad_request_naming_the_argument(String literal) {
        JsonNode response = graphQl("{ story(id: " + literal + ") { id } }");

        assertRefused(response, "id", "type");
    }

    @Test
    void a_variable_holding_an_object_or_a_list_is_a_bad_request_naming_the_argument_it_feeds() {
        assertRefused(send(STORY_BY_VARIABLE, Map.of("storyId", Map.of("a", 1))), "id", "type");
        assertRefused(send(STORY_BY_VARIABLE, Map.of("storyId", List.of("s1"))), "id", "type");
        assertRefused(send(STORY_BY_VARIABLE, Map.of("storyId", true)), "id", "type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s\u00001", "s\u00011", "s\n1", "s\u007f1", "s\ud8001", "s\udc001"})
    void an_id_with_a_control_character_or_a_lone_surrogate_is_refused_as_id_shape(String id) {
        assertRefused(send(STORY_BY_VARIABLE, Map.of("storyId", id)), "id", "id-shape");
        assertRefused(send("mutation($s: ID!) { endStory(storyId: $s) { storyId } }", Map.of("s", id)), "storyId", "id-shape");
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void a_literal_id_with_a_control_character_is_refused_as_id_shape() {
        assertRefused(graphQl("mutation { endStory(storyId: \"s\\u00001\") { storyId } }"), "storyId", "id-shape");
    }

    @Test
    void an_id_longer_than_any_the_platform_makes_is_refused() {
        assertRefused(send(STORY_BY_VARIABLE, Map.of("storyId", "s".repeat(StrictIdCoercing.MAX_LENGTH + 1))), "id", "id-shape");
    }

    @Test
    void strings_integers_and_surrogate_pairs_are_ids() {
        JsonNode longest = send(STORY_BY_VARIABLE, Map.of("storyId", "s".repeat(StrictIdCoercing.MAX_LENGTH)));
        JsonNode integerLiteral = graphQl("{ story(id: 12) { id } }");
        JsonNode integerVariable = send(STORY_BY_VARIABLE, Map.of("storyId", 34));
        JsonNode emoji = send(STORY_BY_VARIABLE, Map.of("storyId", "s\ud83d\udc09"));

        assertThat(List.of(longest, integerLiteral, integerVariable, emoji)).allSatisfy(response ->
                assertThat(response.has("errors")).as(response.toString()).isFalse());
        assertThat(queries.asked()).extracting(query -> ((FindStory) query).storyId())
                .containsExactly("s".repeat(StrictIdCoercing.MAX_LENGTH), "12", "34", "s\ud83d\udc09");
    }

    /** Posts with every non-ASCII character escaped, so that a lone surrogate reaches the server as one. */
    private JsonNode send(String document, Map<String, Object> variables) {
        try {
            String body = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsString(Map.of("query", document, "variables", variables));
            return body(mvc.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken()).content(body).exchange());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefused(JsonNode response, String field, String rule) {
        JsonNode error = response.at("/errors/0");
        assertThat(error.at("/extensions/classification").asText()).as(response.toString()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/field").asText()).isEqualTo(field);
        assertThat(error.at("/extensions/rule").asText()).isEqualTo(rule);
        assertThat(queries.asked()).isEmpty();
    }
}
