package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.cli.StorytellerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.HttpGraphQlClient;
import picocli.CommandLine;

/**
 * A candidate validated against the incumbent through the real endpoint: a world's second house
 * narrator replays the world's recorded turns beside the first, judged by the pipeline; a suite no
 * narrator can meet fails naming its gate; the house guardrail and detector, validated against
 * themselves on the shipped labelled sets, tie on every item. Only platform admins may validate,
 * define suites or read either.
 */
@EndToEnd
class ValidatingACandidateTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String VALIDATE = "mutation($i: ValidateCandidateInput!) { validateCandidate(input: $i) }";
    private static final String DEFINE = """
            mutation($i: EvaluationSuiteInput!) { defineEvaluationSuite(input: $i) { name useCase builtIn } }""";
    private static final String REVISE = """
            mutation($i: EvaluationSuiteInput!) { reviseEvaluationSuite(input: $i) { name useCase tieMargin } }""";
    private static final String VALIDATIONS = """
            query($m: ID!, $v: String) { modelValidations(modelId: $m, version: $v) { validationId suite passed wins losses ties
              reasons candidate { modelId version } incumbent { modelId version }
              gates { metric candidate incumbent threshold higherIsBetter passed }
              examples { outcome input candidateAnswer incumbentAnswer candidateScore incumbentScore } } }""";
    private static final String SUITES = "{ evaluationSuites { name useCase builtIn dataset { kind source limit } } }";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    EventStore eventStore;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    @Test
    @SuppressWarnings("unchecked")
    void aSecondHouseNarratorIsReplayedOnRecordedTurnsBesideTheFirst() {
        RolloutFixture fixture = new RolloutFixture(port, minter, dataDir, eventStore);
        String worldId = fixture.worlds.withTwoHouseModels("Validation " + fixture.tag);
        String storyId = fixture.player.startStory(worldId, "Tide ledger");
        RolloutPlayers.playRound(fixture.player, List.of(storyId), "I open the salt archive and read the oldest ledger.", PATIENCE);
        RolloutPlayers.playRound(fixture.player, List.of(storyId), "I ask the gull warden which boat never came back.", PATIENCE);
        HttpGraphQlClient admin = fixture.api.as("validation-admin-" + fixture.tag, PlatformRole.PLATFORM_ADMIN);
        String modelId = "house:" + worldId;

        String replayId = validate(admin, Map.of("modelId", modelId, "version", "2"), Map.of("modelId", modelId, "version", "1"),
                "NARRATOR", null, worldId);
        Map<String, Object> replay = awaitValidation(admin, modelId, "2", replayId);

        assertThat(replay.get("suite")).isEqualTo("narrator-default");
        assertThat(replay.get("incumbent")).isEqualTo(Map.of("modelId", modelId, "version", "1"));
        int items = (int) replay.get("wins") + (int) replay.get("losses") + (int) replay.get("ties");
        assertThat(items).as("every recorded action of the world is replayed").isEqualTo(3);
        List<Map<String, Object>> gates = (List<Map<String, Object>>) replay.get("gates");
        assertThat(gates).extracting(g -> g.get("metric")).contains("review.score", "guardrail.passRate",
                "continuity.contradictions", "latency.p95Millis", "cost.perBeat");
        assertThat(gates).allSatisfy(g -> assertThat(g.get("incumbent")).isNotNull());
        List<Map<String, Object>> examples = (List<Map<String, Object>>) replay.get("examples");
        assertThat(examples).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("outcome")).isIn("WIN", "LOSS", "TIE");
            assertThat((String) e.get("candidateAnswer")).isNotBlank();
            assertThat((String) e.get("incumbentAnswer")).isNotBlank();
        });
        List<String> reasons = (List<String>) replay.get("reasons");
        assertThat(replay.get("passed")).isEqualTo(reasons.isEmpty());
        gates.stream().filter(g -> !(boolean) g.get("passed"))
                .forEach(g -> assertThat(reasons).anyMatch(r -> r.startsWith(g.get("metric") + ": candidate")));

        // A suite no narrator can meet: the validation fails and says which gate, with both values.
        String suite = "impossible-" + fixture.tag;
        Map<String, Object> defined = admin.document(DEFINE).variable("i", suiteInput(suite, worldId, 1.01))
                .retrieve("defineEvaluationSuite").toEntity(Map.class).block(Api.timeout());
        assertThat(defined).containsEntry("useCase", "NARRATOR").containsEntry("builtIn", false);
        String strictId = validate(admin, Map.of("modelId", modelId, "version", "2"), Map.of("modelId", modelId, "version", "1"),
                "NARRATOR", suite, worldId);
        Map<String, Object> strict = awaitValidation(admin, modelId, "2", strictId);
        assertThat(strict.get("passed")).isEqualTo(false);
        assertThat((List<String>) strict.get("reasons")).anyMatch(r -> r.startsWith("review.score: candidate ")
                && r.contains(" below the threshold 1.010 (incumbent "));
        Map<String, Object> revised = admin.document(REVISE).variable("i", suiteInput(suite, worldId, 0.0))
                .retrieve("reviseEvaluationSuite").toEntity(Map.class).block(Api.timeout());
        assertThat(revised).containsEntry("useCase", "NARRATOR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void houseClassifiersValidatedAgainstThemselvesTieOnEveryShippedItem() {
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("validation-classifier-admin", PlatformRole.PLATFORM_ADMIN);
        for (String key : List.of("guardrail", "detector")) {
            String modelId = "house-classifier:" + key;
            Map<String, Object> self = Map.of("modelId", modelId, "version", "1");
            // The platform trains and registers its classifiers after it starts: a validation is recorded on a registered model.
            await(modelId + " registered").atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> admin.document("query($id: ID!) { model(id: $id) { versions { version } } }")
                            .variable("id", modelId).retrieve("model.versions").toEntityList(Map.class).block(Api.timeout())
                            .stream().anyMatch(v -> "1".equals(v.get("version"))));
            String id = validate(admin, self, self, key.toUpperCase(), null, null);
            Map<String, Object> result = awaitValidation(admin, modelId, "1", id);
            assertThat(result.get("suite")).isEqualTo(key + "-default");
            assertThat(result.get("wins")).isEqualTo(0);
            assertThat(result.get("losses")).isEqualTo(0);
            assertThat((int) result.get("ties")).isEqualTo(key.equals("guardrail") ? 230 : 228);
            assertThat((List<Map<String, Object>>) result.get("gates")).isNotEmpty()
                    .allSatisfy(g -> assertThat(g.get("candidate")).isEqualTo(g.get("incumbent")));
            assertThat(result.get("passed")).isEqualTo(((List<String>) result.get("reasons")).isEmpty());
        }
        String listed = cli("validate", "list", "house-classifier:guardrail", "1", "--server", "http://localhost:" + port,
                "--token", api.token("validation-cli", PlatformRole.PLATFORM_ADMIN));
        assertThat(listed).contains("guardrail-default");
        String suites = cli("validate", "suites", "--server", "http://localhost:" + port,
                "--token", api.token("validation-cli", PlatformRole.PLATFORM_ADMIN));
        assertThat(suites).contains("narrator-default (NARRATOR, built-in)", "guardrail.neverAllowedPasses");
    }

    @Test
    void onlyPlatformAdminsValidateDefineOrSee() {
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("validation-root", PlatformRole.PLATFORM_ADMIN);
        // A suite that exists, so that a refused revision is refused for who asks, not for what is missing.
        assertThat(admin.document(DEFINE).variable("i", suiteInput("shared", null, 0.5)).execute()
                .block(Api.timeout()).getErrors()).isEmpty();
        Map<String, Object> ref = Map.of("modelId", "house-classifier:guardrail", "version", "1");
        for (PlatformRole role : List.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN, PlatformRole.MODEL_MANAGER)) {
            HttpGraphQlClient caller = api.as("validation-" + role, role);
            for (Map.Entry<String, Map<String, Object>> mutation : Map.of(
                    VALIDATE, Map.<String, Object>of("candidate", ref, "useCase", "GUARDRAIL"),
                    DEFINE, suiteInput("refused-" + role.name().toLowerCase(), null, 0.5),
                    REVISE, suiteInput("shared", null, 0.9)).entrySet()) {
                List<ResponseError> refused = caller.document(mutation.getKey()).variable("i", mutation.getValue()).execute()
                        .block(Api.timeout()).getErrors();
                assertThat(refused).as(role + " " + mutation.getKey()).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
                    assertThat(e.getExtensions()).containsEntry("rule", "role:platform-admin");
                });
            }
            assertThat(caller.document(SUITES).retrieve("evaluationSuites").toEntityList(Map.class).block(Api.timeout())).isEmpty();
            assertThat(caller.document(VALIDATIONS).variable("m", "house-classifier:guardrail").retrieve("modelValidations")
                    .toEntityList(Map.class).block(Api.timeout())).isEmpty();
        }
        assertThat(admin.document(SUITES).retrieve("evaluationSuites").toEntityList(Map.class).block(Api.timeout()))
                .extracting(s -> s.get("name")).contains("narrator-default", "detector-default", "guardrail-default");
        Map<String, Object> tooLoose = new HashMap<>(suiteInput("too-loose", null, 0.5));
        tooLoose.put("tieMargin", 0.9);
        assertThat(admin.document(DEFINE).variable("i", tooLoose).execute().block(Api.timeout()).getErrors())
                .singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "tieMargin"));
    }

    private static Map<String, Object> suiteInput(String name, String worldId, double reviewThreshold) {
        Map<String, Object> dataset = new HashMap<>();
        dataset.put("kind", "RECENT_TURNS");
        dataset.put("worldId", worldId);
        dataset.put("limit", 10);
        return Map.of("name", name, "useCase", "NARRATOR", "dataset", dataset, "tieMargin", 0.02,
                "metrics", List.of(Map.of("metric", "review.score", "threshold", reviewThreshold, "higherIsBetter", true)));
    }

    private static String validate(HttpGraphQlClient admin, Map<String, Object> candidate, Map<String, Object> incumbent,
            String useCase, String suite, String worldId) {
        Map<String, Object> input = new HashMap<>();
        input.put("candidate", candidate);
        input.put("incumbent", incumbent);
        input.put("useCase", useCase);
        input.put("suite", suite);
        input.put("worldId", worldId);
        return admin.document(VALIDATE).variable("i", input).retrieve("validateCandidate").toEntity(String.class)
                .block(Api.timeout());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitValidation(HttpGraphQlClient admin, String modelId, String version, String id) {
        return await("validation " + id).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> admin.document(VALIDATIONS).variable("m", modelId).variable("v", version)
                        .retrieve("modelValidations").toEntityList(Map.class).block(Api.timeout()).stream()
                        .filter(v -> id.equals(v.get("validationId"))).findFirst().orElse(null), v -> v != null);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StorytellerCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }
}
