package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;

/** A caller of the operations API (processors, dead letters, event log), answering plain maps. */
final class Ops {

    static final String PROCESSOR = "name running supportsReset position head lag replaying replayProgress error deadLetterSequences "
            + "segments { segmentId mask owner claimedHere position replaying replayProgress error }";

    private final HttpGraphQlClient client;

    Ops(HttpGraphQlClient client) {
        this.client = client;
    }

    /** The field's value (null allowed); fails on any error. */
    Map<String, Object> one(String document, Map<String, Object> variables, String field) {
        ClientGraphQlResponse response = execute(document, variables);
        assertThat(response.getErrors()).as(document).isEmpty();
        return response.field(field).getValue();
    }

    List<Map<String, Object>> list(String document, Map<String, Object> variables, String field) {
        ClientGraphQlResponse response = execute(document, variables);
        assertThat(response.getErrors()).as(document).isEmpty();
        return maps(response.field(field).getValue());
    }

    /** The one error the call answers. */
    ResponseError error(String document, Map<String, Object> variables) {
        ClientGraphQlResponse response = execute(document, variables);
        assertThat(response.getErrors()).as(document).hasSize(1);
        return response.getErrors().getFirst();
    }

    /** The newest operator actions. */
    List<Map<String, Object>> actions() {
        return list("{ operatorActions(first: 50) { cursor operatorId action target outcome succeeded at } }", Map.of(),
                "operatorActions");
    }

    static void assertRejected(ResponseError error, String type, String field) {
        assertThat(error.getErrorType().toString()).as(error.getMessage()).isEqualTo(type);
        assertThat(error.getExtensions()).as(error.getMessage()).containsEntry("field", field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private ClientGraphQlResponse execute(String document, Map<String, Object> variables) {
        return client.document(document).variables(variables).execute().block(Api.timeout());
    }
}
