package io.storyteller.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.IntrospectionQuery;
import io.storyteller.graphql.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Requests that ask for too much are turned away before any gateway is called. */
class QueryLimitsTest extends ApiTest {

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
    void an_operation_more_complex_than_max_complexity_is_aborted() {
        JsonNode response = graphQl("""
                { story(id: "s1") { beats(first: 100) { edges { node {
                  id position kind text playerId edited originalText alternatives selectedAlternative rating createdAt
                } } } } }""");

        assertThat(response.at("/errors/0/message").asText()).contains("maximum query complexity exceeded");
        assertThat(response.at("/errors/0/extensions/classification").asText()).isEqualTo("ExecutionAborted");
        assertThat(queries.asked()).isEmpty();
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
