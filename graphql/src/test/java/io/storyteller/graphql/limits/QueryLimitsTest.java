package io.storyteller.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindStory;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.Views;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Requests that ask for too much are turned away before any gateway is called. */
class QueryLimitsTest extends ApiTest {

    @Autowired
    GraphQlLimits limits;
    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void an_operation_nested_deeper_than_max_depth_is_aborted() {
        JsonNode response = graphQl("""
                { worlds { stories { world { stories { world { stories { world { stories { world { stories { world {
                  stories { id } } } } } } } } } } } } }""");

        assertThat(response.at("/errors/0/message").asText()).contains("maximum query depth exceeded");
        assertThat(response.at("/errors/0/extensions/classification").asText()).isEqualTo("ExecutionAborted");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void the_largest_page_of_beats_with_every_beat_field_fits_the_complexity_limit() {
        int largest = limits.maxPageSize();
        queries.answer(FindStory.class, query -> Optional.of(Views.story("s1", "w1")));
        queries.answer(FindBeats.class, query -> new BeatPage(
                IntStream.rangeClosed(1, query.first()).mapToObj(position -> Views.narration("s1", position)).toList(),
                false, true, 1000));

        JsonNode response = graphQl("{ story(id: \"s1\") { beats(first: " + largest + ") { edges { cursor node "
                + everyField("Beat") + " } pageInfo { hasNextPage endCursor } totalCount } } }");

        assertThat(response.has("errors")).as(response.toString()).isFalse();
        assertThat(response.at("/data/story/beats/edges")).hasSize(largest);
        assertThat(response.at("/data/story/beats/edges/0/node/provenance/model").asText()).isEqualTo("house-narrator");
    }

    @Test
    void aliased_largest_pages_exceed_max_complexity_and_are_aborted() {
        String page = "beats(first: " + limits.maxPageSize() + ") { edges { node " + everyField("Beat") + " } }";
        JsonNode response = graphQl("{ a: story(id: \"s1\") { " + page + " } b: story(id: \"s2\") { " + page + " } }");

        assertAborted(response);
    }

    @Test
    void pages_nested_in_the_stories_of_every_world_are_aborted() {
        String page = "beats(first: " + limits.maxPageSize()
                + ") { edges { node { id provenance { candidates { scores { guardrail { allowed } } } } } } }";
        JsonNode response = graphQl("{ worlds { stories { " + page + " world { stories { " + page + " } } } } }");

        assertAborted(response);
    }

    @Test
    void a_huge_first_cannot_overflow_the_complexity_into_a_small_number() {
        JsonNode response = graphQl("{ story(id: \"s1\") { beats(first: 2147483647) { edges { node { id provenance { model } "
                + "} } } } }");

        assertAborted(response);
    }

    private void assertAborted(JsonNode response) {
        assertThat(response.at("/errors/0/message").asText()).contains("maximum query complexity exceeded");
        assertThat(response.at("/errors/0/extensions/classification").asText()).isEqualTo("ExecutionAborted");
        assertThat(queries.asked()).isEmpty();
    }

    /** A selection of every field of a type, objects with all their fields, as the schema says today. */
    private String everyField(String typeName) {
        GraphQLObjectType type = graphQlSource.schema().getObjectType(typeName);
        return type.getFieldDefinitions().stream()
                .map(field -> GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType object
                        ? field.getName() + " " + everyField(object.getName())
                        : field.getName())
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    @Test
    void the_schema_can_be_introspected_in_full_despite_the_depth_limit() {
        JsonNode response = graphQl(IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(response.has("errors")).as(response.toString()).isFalse();
        assertThat(response.at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
    }

    @Test
    void a_request_body_over_max_request_bytes_is_refused_with_413() {
        MvcTestResult result = post("{ me { userId } }", Map.of("padding", "x".repeat(64 * 1024)), aliceToken());

        assertThat(result).hasStatus(413);
        assertThat(body(result).at("/errors/0/extensions/classification").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_request_body_just_under_the_limit_is_served() {
        MvcTestResult result = post("{ me { userId } }", Map.of("padding", "x".repeat(60 * 1024)), aliceToken());

        assertThat(result).hasStatusOk();
        assertThat(body(result).at("/data/me/userId").asText()).isEqualTo("alice");
    }
}
