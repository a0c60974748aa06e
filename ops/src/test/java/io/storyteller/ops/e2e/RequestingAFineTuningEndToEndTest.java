package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.cli.StorytellerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * Fine-tuning through the real endpoint. A bad request is refused naming the field and the rule and
 * records nothing; a request the application can serve is listed with its steps, up to its exported
 * dataset. What training, validation and rollout do is specified by the saga and the work's own
 * tests: here no test backend is registered, so the end-to-end proves only what the application
 * really offers.
 */
@EndToEnd
class RequestingAFineTuningEndToEndTest {

    static final String REQUEST = """
            mutation($input: FineTuningInput!) { requestFineTuning(input: $input) { id status step backend base { modelId version }
              history { event } } }""";
    static final String CANCEL = """
            mutation($id: ID!, $reason: String) { cancelFineTuning(id: $id, reason: $reason) { id status history { event detail } } }""";
    static final String LIST = """
            query($status: FineTuningStatus) { fineTunings(status: $status, first: 200) { id status step trainingStage
              dataset { exportId digest files { name records } } history { event step attempt detail } } }""";
    static final String ONE = "query($id: ID!) { fineTuning(id: $id) { id status } }";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBadRequestIsRefusedNamingTheFieldAndTheRuleAndRecordsNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        HttpGraphQlClient admin = new Api(port, minter).as("ft-root-" + tag, PlatformRole.PLATFORM_ADMIN);
        String base = registerBase(admin, tag);
        long before = fineTuningEvents();
        int listed = list(admin, null).size();

        assertThat(refusal(admin, request(Map.of("modelId", "openai:nobody-" + tag, "version", "1"), "house", 0.1)))
                .isEqualTo("NOT_FOUND base.modelId exists");
        assertThat(refusal(admin, request(Map.of("modelId", base, "version", "9"), "house", 0.1)))
                .isEqualTo("NOT_FOUND base.version exists");
        assertThat(refusal(admin, request(Map.of("modelId", base, "version", "1"), "house", 0.95)))
                .isEqualTo("BAD_REQUEST dataset.holdout range:0..0.9");
        ResponseError unknownBackend = only(admin, request(Map.of("modelId", base, "version", "1"), "no-such-backend-" + tag, 0.1));
        assertThat(unknownBackend.getErrorType().toString()).isEqualTo("BAD_REQUEST");
        assertThat(unknownBackend.getExtensions()).containsEntry("field", "backend");
        assertThat((String) unknownBackend.getExtensions().get("rule")).startsWith("one-of:").doesNotContain("no-such-backend");

        // The CLI says the same through the same endpoint.
        String token = new Api(port, minter).token("ft-root-" + tag, PlatformRole.PLATFORM_ADMIN);
        Cli refused = cli("finetune", "request", "--server", "http://localhost:" + port, "--token", token,
                "--base", "openai:nobody-" + tag + "@1", "--use-case", "narrator", "--backend", "house");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("[base.modelId: exists]");
        Cli listing = cli("finetune", "list", "--server", "http://localhost:" + port, "--token", token);
        assertThat(listing.exit()).as(listing.err()).isZero();
        assertThat(listing.out()).startsWith("ID ").contains("STATUS", "STEP", "BACKEND");

        assertThat(fineTuningEvents()).isEqualTo(before);
        assertThat(list(admin, null)).hasSize(listed);
    }

    @Test
    void onlyPlatformAdminsRequestCancelOrSeeFineTunings() {
        Api api = new Api(port, minter);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String base = registerBase(api.as("ft-root-" + tag, PlatformRole.PLATFORM_ADMIN), tag);
        long before = fineTuningEvents();
        for (PlatformRole role : List.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN, PlatformRole.MODEL_MANAGER)) {
            HttpGraphQlClient caller = api.as("ft-" + role + "-" + tag, role);
            assertThat(refusal(caller, request(Map.of("modelId", base, "version", "1"), "house", 0.1)))
                    .as(role.toString()).isEqualTo("FORBIDDEN actor role:platform-admin");
            ClientGraphQlResponse cancel = caller.document(CANCEL).variable("id", "ft-any").execute().block(Api.timeout());
            assertThat(cancel.getErrors()).as(role.toString()).singleElement()
                    .satisfies(e -> assertThat(e.getErrorType().toString()).isIn("FORBIDDEN", "NOT_FOUND"));
            assertThat(list(caller, null)).isEmpty();
        }
        assertThat(fineTuningEvents()).isEqualTo(before);
    }

    /**
     * Needs a training backend: on a build with none there is no valid request to make (the refusal
     * above lists none), and this is skipped, saying so.
     */
    @Test
    void aValidRequestIsListedWithItsStepsUpToItsExportedDatasetAndCanBeCancelled() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        HttpGraphQlClient admin = new Api(port, minter).as("ft-root-" + tag, PlatformRole.PLATFORM_ADMIN);
        String base = registerBase(admin, tag);
        String rule = (String) only(admin, request(Map.of("modelId", base, "version", "1"), "none-" + tag, 0.1)).getExtensions().get("rule");
        List<String> backends = List.of(rule.substring("one-of:".length()).split(",")).stream().filter(b -> !b.isEmpty()).toList();
        Assumptions.assumeFalse(backends.isEmpty(), "this build offers no training backend, so no request can be valid");

        Map<String, Object> requested = admin.document(REQUEST).variable("input", request(Map.of("modelId", base, "version", "1"),
                backends.getFirst(), 0.0)).retrieve("requestFineTuning").toEntity(Map.class).block(Api.timeout());
        String id = (String) requested.get("id");
        assertThat(requested).containsEntry("status", "REQUESTED").containsEntry("step", "EXPORT")
                .containsEntry("backend", backends.getFirst());
        assertThat(list(admin, "REQUESTED")).extracting(f -> f.get("id")).contains(id);

        Map<String, Object> exported = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> list(admin, null).stream().filter(f -> f.get("id").equals(id)).findFirst().orElseThrow(),
                        f -> events(f).contains("DatasetExported"));
        assertThat(events(exported).subList(0, 2)).containsExactly("Requested", "DatasetExported");
        @SuppressWarnings("unchecked")
        Map<String, Object> dataset = (Map<String, Object>) exported.get("dataset");
        assertThat(dataset.get("exportId")).isNotNull();
        assertThat((String) dataset.get("digest")).hasSize(64);

        Cli shown = cli("finetune", "show", id, "--server", "http://localhost:" + port, "--token",
                new Api(port, minter).token("ft-root-" + tag, PlatformRole.PLATFORM_ADMIN));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("\"DatasetExported\"", (String) dataset.get("exportId"));

        ClientGraphQlResponse cancelled = admin.document(CANCEL).variable("id", id).variable("reason", "seen enough").execute()
                .block(Api.timeout());
        if (cancelled.getErrors().isEmpty()) {
            assertThat(cancelled.field("cancelFineTuning.status").toEntity(String.class)).isEqualTo("CANCELLED");
        } else {
            // The backend may have ended it already (e.g. it cannot train this base): then a cancel is a conflict.
            assertThat(cancelled.getErrors()).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("rule", "open"));
        }
    }

    record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StorytellerCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static Map<String, Object> request(Map<String, Object> base, String backend, double holdout) {
        Map<String, Object> input = new HashMap<>();
        input.put("base", base);
        input.put("useCase", "NARRATOR");
        input.put("backend", backend);
        input.put("dataset", Map.of("worldIds", List.of("no-world-" + UUID.randomUUID()), "holdout", holdout, "seed", 3));
        input.put("hyperParameters", List.of(Map.of("name", "epochs", "value", "1")));
        return input;
    }

    /** Registers an API chat model with version 1 to fine-tune from; answers its id. */
    private static String registerBase(HttpGraphQlClient admin, String tag) {
        ClientGraphQlResponse registered = admin.document("""
                mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""")
                .variable("input", Map.of("provider", "openai", "providerModelId", "ft-base-" + tag, "kind", "CHAT",
                        "capabilities", List.of("chat"), "contextWindow", 8192,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "proprietary", "source", "PAID_API"))
                .execute().block(Api.timeout());
        assertThat(registered.getErrors()).isEmpty();
        String modelId = registered.field("registerModel.modelId").toEntity(String.class);
        assertThat(admin.document("""
                mutation($id: ID!) { addModelVersion(modelId: $id, input: { version: "1" }) { version } }""")
                .variable("id", modelId).execute().block(Api.timeout()).getErrors()).isEmpty();
        return modelId;
    }

    private static ResponseError only(HttpGraphQlClient caller, Map<String, Object> input) {
        ClientGraphQlResponse response = caller.document(REQUEST).variable("input", input).execute().block(Api.timeout());
        assertThat(response.getErrors()).singleElement();
        assertThat((Object) response.field("requestFineTuning").getValue()).isNull();
        return response.getErrors().getFirst();
    }

    private static String refusal(HttpGraphQlClient caller, Map<String, Object> input) {
        ResponseError error = only(caller, input);
        Map<String, Object> extensions = error.getExtensions();
        String field = (String) extensions.get("field");
        String rule = (String) extensions.get("rule");
        return error.getErrorType() + " " + field + (rule == null ? "" : " " + rule);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(HttpGraphQlClient caller, String status) {
        ClientGraphQlResponse response = caller.document(LIST).variable("status", status).execute().block(Api.timeout());
        assertThat(response.getErrors()).isEmpty();
        return new ArrayList<>((List<Map<String, Object>>) (List<?>) response.field("fineTunings").toEntityList(Map.class));
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> fineTuning) {
        return ((List<Map<String, Object>>) fineTuning.get("history")).stream().map(e -> (String) e.get("event")).toList();
    }

    private long fineTuningEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type = 'FineTuning'", Long.class);
    }
}
