package io.storyteller.graphql.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.story.FindStory;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.Views;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Subscriptions are served over the WebSocket only; over HTTP they are refused before anything subscribes. */
class SubscriptionsOverWebSocketTest extends ApiTest {

    private static final String TWO_OPERATIONS = """
            query Read { story(id: "s1") { id } }
            subscription Watch { storyEvents(storyId: "s1") { kind } }""";

    @Test
    void a_subscription_posted_over_http_is_refused_naming_the_websocket() {
        JsonNode response = graphQl("subscription { storyEvents(storyId: \"s1\") { kind } }");

        assertRefused(response);
    }

    @Test
    void the_operation_chosen_by_operation_name_decides() {
        queries.answer(FindStory.class, query -> Optional.of(Views.story("s1", "w1")));

        JsonNode read = body(postOperation("Read"));
        JsonNode watch = body(postOperation("Watch"));

        assertThat(read.at("/data/story/id").asText()).isEqualTo("s1");
        assertRefused(watch);
    }

    @Test
    void a_subscription_over_server_sent_events_is_refused_too() throws Exception {
        var result = mvc.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken())
                .content(json(Map.of("query", "subscription { storyEvents(storyId: \"s1\") { kind } }")))
                .exchange();

        // Spring's SSE handler words the refusal itself ("supports only subscriptions"); what counts is that nothing subscribed
        assertThat(result.getResponse().getContentAsString()).contains("\"errors\"").doesNotContain("\"data\"");
        assertThat(queries.watches()).isEmpty();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult postOperation(String operationName) {
        return mvc.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken())
                .content(json(Map.of("query", TWO_OPERATIONS, "operationName", operationName)))
                .exchange();
    }

    private void assertRefused(JsonNode response) {
        JsonNode error = response.at("/errors/0");
        assertThat(error.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("subscriptions-over-websocket");
        assertThat(error.get("message").asText()).contains("WebSocket", "/graphql");
        assertThat(response.has("data") && !response.get("data").isNull()).isFalse();
        assertThat(queries.watches()).isEmpty();
    }
}
