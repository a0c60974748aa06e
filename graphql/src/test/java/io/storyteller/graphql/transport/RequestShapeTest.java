package io.storyteller.graphql.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.graphql.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A body that is not one GraphQL request object is answered 400 in the GraphQL error shape, naming what is wrong. */
class RequestShapeTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "null                                                   | body          | object",
            "{\"query\": \"{ me { userId } }\"                      | body          | json",
            "[{\"query\": \"{ me { userId } }\"}]                   | body          | object",
            "42                                                     | body          | object",
            "\"{ me { userId } }\"                                  | body          | object",
            "{\"query\": \"{ me { userId } }\"} trailing            | body          | json",
            "{}                                                     | query         | required",
            "{\"query\": null}                                      | query         | required",
            "{\"query\": 5}                                         | query         | type",
            "{\"query\": [\"{ me { userId } }\"]}                   | query         | type",
            "{\"query\": \"{ me { userId } }\", \"variables\": [1]} | variables     | object",
            "{\"query\": \"{ me { userId } }\", \"variables\": \"{}\"} | variables  | object",
            "{\"query\": \"{ me { userId } }\", \"operationName\": 5} | operationName | type",
            "{\"query\": \"{ me { userId } }\", \"operationName\": {}} | operationName | type",
            "{\"query\": \"{ me { userId } }\", \"extensions\": 1}  | extensions    | object",
    })
    void a_body_of_the_wrong_shape_is_a_bad_request_naming_field_and_rule(String body, String field, String rule) {
        MvcTestResult result = postRaw(body.strip(), aliceToken());

        assertBadRequest(result, field, rule);
    }

    @Test
    void an_empty_body_is_a_bad_request() {
        assertBadRequest(postRaw("", aliceToken()), "body", "required");
    }

    @Test
    void a_well_formed_body_with_null_variables_and_operation_name_is_served() {
        MvcTestResult result = postRaw("{\"query\": \"{ me { userId } }\", \"variables\": null, \"operationName\": null}", aliceToken());

        assertThat(result).hasStatusOk();
        assertThat(body(result).at("/data/me/userId").asText()).isEqualTo("alice");
    }

    @Test
    void a_caller_without_a_token_learns_nothing_about_the_body() {
        assertThat(postRaw("null", null)).hasStatus(401);
    }

    @Test
    void variables_that_do_not_match_their_declared_types_are_a_validation_error() {
        JsonNode response = body(postRaw("""
                {"query": "query($n: Int) { story(id: \\"s1\\") { beats(first: $n) { totalCount } } }", "variables": {"n": "many"}}""",
                aliceToken()));

        assertThat(response.at("/errors/0/extensions/classification").asText()).isEqualTo("ValidationError");
        assertThat(response.at("/errors/0/message").asText()).contains("Variable 'n'");
        assertThat(queries.asked()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"multipart/form-data", "multipart/form-data; boundary=x", "text/plain",
            "application/x-www-form-urlencoded", "not a media type"})
    void a_body_of_another_media_type_is_unsupported_in_the_graphql_error_shape(String contentType) {
        MvcTestResult result = mvc.post().uri("/graphql").header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken()).content("{\"query\": \"{ me { userId } }\"}").exchange();

        assertThat(result).hasStatus(415);
        JsonNode error = body(result).at("/errors/0");
        assertThat(error.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/field").asText()).isEqualTo("Content-Type");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("media-type");
    }

    private MvcTestResult postRaw(String body, String token) {
        var request = mvc.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .content(body);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    private static void assertBadRequest(MvcTestResult result, String field, String rule) {
        assertThat(result).hasStatus(400);
        JsonNode response = body(result);
        assertThat(response.fieldNames()).toIterable().containsExactly("errors");
        JsonNode error = response.at("/errors/0");
        assertThat(error.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/field").asText()).isEqualTo(field);
        assertThat(error.at("/extensions/rule").asText()).isEqualTo(rule);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.toString()).doesNotContain("Exception", "\tat ", "timestamp", "org.springframework");
    }
}
