package io.storyteller.ops.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;

/**
 * A platform admin's moves of the fine-tuning loop through the real GraphQL endpoint: moderating
 * beats, requesting a fine-tuning and following it to its end, reading the candidate's lineage and
 * validations. Answers are plain maps, as the API gives them; any GraphQL error fails the test.
 */
final class FineTuningClient {

    /** The statuses a fine-tuning ends in (a rollout started is the end of its own part). */
    static final Set<String> ENDED = Set.of("ROLLOUT_STARTED", "REJECTED", "FAILED", "CANCELLED");

    private static final String FINE_TUNING = """
            id status step backend worldId base { modelId version } margin
            dataset { exportId digest files { name records } } candidate { modelId version } metrics { name value }
            validation { validationId candidate { modelId version } incumbent { modelId version } passed wins losses ties
              score margin promote reasons }
            reasons deploymentId rolloutId failure { step reason attempts } history { event step attempt detail }""";

    private final GraphQlClient client;

    FineTuningClient(GraphQlClient client) {
        this.client = client;
    }

    void flagBeat(String storyId, String beatId, List<String> categories, int severity) {
        run("""
                mutation($s: ID!, $b: ID!, $c: [HarmCategory!]!, $v: Int!) {
                  flagBeat(storyId: $s, beatId: $b, categories: $c, severity: $v) { beatId } }""",
                Map.of("s", storyId, "b", beatId, "c", categories, "v", severity));
    }

    Map<String, Object> request(Map<String, Object> input) {
        return map(run("mutation($i: FineTuningInput!) { requestFineTuning(input: $i) { " + FINE_TUNING + " } }",
                Map.of("i", input)).field("requestFineTuning").toEntity(Map.class));
    }

    Map<String, Object> fineTuning(String id) {
        return map(run("query($id: ID!) { fineTuning(id: $id) { " + FINE_TUNING + " } }", Map.of("id", id))
                .field("fineTuning").toEntity(Map.class));
    }

    /** Waits until the fine-tuning has ended (see {@link #ENDED}); answers it as it ended. */
    Map<String, Object> awaitEnd(String id, Duration patience) {
        return await("fine-tuning " + id + " ended").atMost(patience).pollInterval(Duration.ofMillis(250))
                .until(() -> fineTuning(id), f -> ENDED.contains((String) f.get("status")));
    }

    /** The version of the model as the registry has it, with its training lineage; null when it has none. */
    Map<String, Object> version(String modelId, String version) {
        List<Map<String, Object>> versions = list(run("""
                query($id: ID!) { model(id: $id) { versions { version derivedFrom { modelId version }
                  training { fineTuningId base { modelId version } backend exportId datasetDigest records { name records }
                    hyperParameters { name value } metrics { name value } } } } }""", Map.of("id", modelId))
                .field("model.versions").toEntityList(Map.class));
        return versions.stream().filter(v -> version.equals(v.get("version"))).findFirst().orElse(null);
    }

    /** The recorded validation of that id on the candidate's model. */
    Map<String, Object> validation(String modelId, String version, String validationId) {
        List<Map<String, Object>> validations = list(run("""
                query($m: ID!, $v: String) { modelValidations(modelId: $m, version: $v) { validationId suite passed
                  wins losses ties reasons incumbent { modelId version } gates { metric candidate incumbent threshold passed }
                  examples { outcome input candidateAnswer incumbentAnswer candidateScore incumbentScore } } }""",
                Map.of("m", modelId, "v", version)).field("modelValidations").toEntityList(Map.class));
        return validations.stream().filter(v -> validationId.equals(v.get("validationId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no validation " + validationId + " on " + modelId + "@" + version));
    }

    @SuppressWarnings("unchecked")
    static List<String> events(Map<String, Object> fineTuning) {
        return ((List<Map<String, Object>>) fineTuning.get("history")).stream().map(e -> (String) e.get("event")).toList();
    }

    private ClientGraphQlResponse run(String document, Map<String, Object> variables) {
        ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
        if (response == null || !response.getErrors().isEmpty()) {
            throw new AssertionError("GraphQL errors: " + (response == null ? "no response" : response.getErrors()));
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(List<?> value) {
        return (List<Map<String, Object>>) value;
    }
}
