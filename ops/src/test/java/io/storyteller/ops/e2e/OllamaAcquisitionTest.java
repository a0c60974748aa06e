package io.storyteller.ops.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storyteller.domain.acquisition.ModelCopied;
import io.storyteller.domain.acquisition.ModelCopyStarted;
import io.storyteller.domain.acquisition.OllamaPullCompleted;
import io.storyteller.domain.acquisition.OllamaPullFailed;
import io.storyteller.domain.acquisition.OllamaPullRequested;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ollama model management through the real GraphQL API, against a local server speaking Ollama's
 * API (endpoint {@code gpu-box}): a pull streams its progress, the pulled model is registered and
 * narrates a world's turn through the Ollama runtime from its NARRATOR slot; a named copy is made
 * by the server and registered with lineage to its source; a version's files are copied under the
 * data directory; a pull of a model the library lacks fails with the server's reason; and none of
 * it is open to anyone but those who manage models.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.ai.retry.max-attempts=1", "storyteller.discovery.enabled=false"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class OllamaAcquisitionTest {

    static final String DIGEST = "baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878";
    static final WireMockServer ollama = started();

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Autowired
    EventStore eventStore;
    @Value("${storyteller.data-dir}")
    Path dataDir;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("storyteller.providers.gpu-box.kind", () -> "ollama");
        registry.add("storyteller.providers.gpu-box.base-url", ollama::baseUrl);
    }

    @AfterAll
    static void stopServer() {
        ollama.stop();
    }

    @Test
    void aPulledModelNarratesAWorldAndANamedCopyKeepsItsLineage() {
        stubOllama();
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        GraphQlClient manager = cast.api.as(cast.managerId, PlatformRole.MODEL_MANAGER);

        String pullId = field(manager, "mutation { pullOllamaModel(endpoint: \"gpu-box\", model: \"llama3.2:1b\") { pullId } }",
                Map.of(), "pullOllamaModel.pullId", String.class);
        Map<?, ?> pull = awaitPull(manager, pullId, "COMPLETED");
        assertThat(pull.get("statusText")).isEqualTo("success");
        assertThat(((Number) pull.get("totalBytes")).longValue()).isEqualTo(1_321_082_688L);
        assertThat(pull.get("registered")).isEqualTo(Map.of("modelId", "gpu-box:llama3.2:1b", "version", "baf6a787fdff"));
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/pull")).withRequestBody(equalToJson("{\"model\":\"llama3.2:1b\",\"stream\":true}")));

        Ref pulled = new Ref("gpu-box:llama3.2:1b", "baf6a787fdff");
        await("the registry shows the pulled model").atMost(RolloutWorlds.PATIENCE).ignoreExceptions()
                .until(() -> cast.manager.model(pulled.modelId()).hasVersion(pulled.version()));
        Map<?, ?> spec = field(manager, "{ model(id: \"gpu-box:llama3.2:1b\") { source spec { kind license contextWindow } } }",
                Map.of(), "model", Map.class);
        assertThat(spec.get("source")).isEqualTo("SELF_HOSTED");
        assertThat(spec.get("spec")).isEqualTo(Map.of("kind", "CHAT", "license", "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT",
                "contextWindow", 131072));

        RolloutClient admin = new RolloutClient(cast.api.as("ollama-admin-" + cast.tag, PlatformRole.WORLD_ADMIN));
        String worldId = admin.createWorld("Pulled lamps " + cast.tag);
        admin.addPlayer(worldId, cast.playerId);
        cast.manager.createDeployment(worldId, pulled);
        cast.awaitSlot(worldId, d -> pulled.equals(d.stable()));
        List<String> stories = cast.startStories(worldId, 1);
        RolloutPlayers.playRound(cast.player, stories, "I light the harbour lamp.", RolloutWorlds.PATIENCE.multipliedBy(2));
        Beat narration = cast.player.beats(stories.getFirst()).stream().filter(Beat::isNarration).findFirst().orElseThrow();
        assertThat(narration.text()).isEqualTo("The lamp catches and the quay turns gold.");
        assertThat(narration.provenance().model()).isEqualTo("gpu-box:llama3.2:1b");
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2:1b"))));

        Map<?, ?> copy = field(manager, """
                mutation { copyModel(source: {modelId: "gpu-box:llama3.2:1b", version: "baf6a787fdff"}, name: "narrator-noir") {
                  copy { modelId version } method } }""", Map.of(), "copyModel", Map.class);
        assertThat(copy).isEqualTo(Map.of("copy", Map.of("modelId", "gpu-box:narrator-noir", "version", "baf6a787fdff"),
                "method", "OLLAMA_COPY"));
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/copy"))
                .withRequestBody(equalToJson("{\"source\":\"llama3.2:1b\",\"destination\":\"narrator-noir\"}")));
        await("the copy's lineage").atMost(RolloutWorlds.PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(field(manager, "{ model(id: \"gpu-box:narrator-noir\") { lineage { chain { ref { modelId version } } } } }",
                        Map.of(), "model.lineage.chain", List.class)).containsExactly(
                        Map.of("ref", Map.of("modelId", "gpu-box:narrator-noir", "version", "baf6a787fdff")),
                        Map.of("ref", Map.of("modelId", "gpu-box:llama3.2:1b", "version", "baf6a787fdff"))));

        assertThat(payloads("ollama-server/gpu-box")).hasAtLeastOneElementOfType(OllamaPullRequested.class)
                .hasAtLeastOneElementOfType(OllamaPullCompleted.class);
        assertThat(payloads("model-copy/gpu-box:narrator-noir")).hasExactlyElementsOfTypes(ModelCopyStarted.class, ModelCopied.class);
    }

    @Test
    void aPullTheServerRefusesFailsWithItsReason() {
        stubOllama();
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        GraphQlClient manager = cast.api.as(cast.managerId, PlatformRole.PLATFORM_ADMIN);

        String pullId = field(manager, "mutation { pullOllamaModel(endpoint: \"gpu-box\", model: \"nosuch:7b\") { pullId } }",
                Map.of(), "pullOllamaModel.pullId", String.class);

        Map<?, ?> pull = awaitPull(manager, pullId, "FAILED");
        assertThat((String) pull.get("reason")).endsWith("could not pull nosuch:7b: pull model manifest: file does not exist");
        assertThat(payloads("ollama-server/gpu-box")).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(
                OllamaPullFailed.class, failed -> assertThat(failed.pullId()).isEqualTo(pullId)));
    }

    @Test
    void aVersionsFilesAreCopiedUnderTheDataDirectoryAndVerified() throws Exception {
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        GraphQlClient manager = cast.api.as(cast.managerId, PlatformRole.MODEL_MANAGER);
        Path files = Files.createDirectories(dataDir.resolve("models/downloads/guard-" + cast.tag));
        Files.writeString(files.resolve("model.onnx"), "weights of a guard");
        Files.writeString(files.resolve("tokenizer.json"), "{}");
        String modelId = "local:guard-" + cast.tag;
        assertThat(cast.manager.errors("""
                mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""",
                Map.of("input", Map.of("provider", "local", "providerModelId", "guard-" + cast.tag, "kind", "CLASSIFIER",
                        "capabilities", List.of("classification"), "contextWindow", 512,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "apache-2.0",
                        "source", "DOWNLOADED")))).isEmpty();
        assertThat(cast.manager.addModelVersion(modelId, "main", files.toUri().toString(), "c".repeat(64), 20)).isEmpty();
        await().atMost(RolloutWorlds.PATIENCE).ignoreExceptions().until(() -> cast.manager.model(modelId).hasVersion("main"));

        String name = "guardrail-kids-" + cast.tag;
        Map<?, ?> copy = field(manager, """
                mutation($source: ModelRefInput!, $name: String!) { copyModel(source: $source, name: $name) {
                  copy { modelId version } method } }""",
                Map.of("source", Map.of("modelId", modelId, "version", "main"), "name", name), "copyModel", Map.class);

        assertThat(copy.get("method")).isEqualTo("ARTIFACT_DIRECTORY");
        assertThat(dataDir.resolve("models/copies/" + name + "/model.onnx")).hasContent("weights of a guard");
        await().atMost(RolloutWorlds.PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(cast.manager.model("local:" + name).versions().getFirst().artifact().uri())
                        .endsWith("/models/copies/" + name + "/"));
    }

    @Test
    void onlyThoseWhoManageModelsTouchOllamaOrCopy() {
        stubOllama();
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        for (PlatformRole role : List.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN)) {
            GraphQlClient caller = cast.api.as("ollama-" + role + "-" + cast.tag, role);
            for (String operation : List.of(
                    "mutation { pullOllamaModel(endpoint: \"gpu-box\", model: \"llama3.2:1b\") { pullId } }",
                    "mutation { deleteOllamaModel(endpoint: \"gpu-box\", model: \"llama3.2:1b\") { modelId } }",
                    "mutation { copyModel(source: {modelId: \"gpu-box:llama3.2:1b\", version: \"x\"}, name: \"kids\") { method } }",
                    "{ ollamaModels(endpoint: \"gpu-box\") { name } }",
                    "{ ollamaShow(endpoint: \"gpu-box\", model: \"llama3.2:1b\") { license } }")) {
                ClientGraphQlResponse response = caller.document(operation).execute().block(Api.timeout());
                assertThat(response.getErrors()).as(operation).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")
                            .containsEntry("rule", "role:model-manager");
                });
            }
        }
        GraphQlClient manager = cast.api.as(cast.managerId, PlatformRole.MODEL_MANAGER);
        assertThat(field(manager, "{ ollamaModels(endpoint: \"gpu-box\") { name } }", Map.of(), "ollamaModels", List.class))
                .contains(Map.of("name", "llama3.2:1b"));
        ClientGraphQlResponse badName = manager.document("""
                mutation { copyModel(source: {modelId: "gpu-box:llama3.2:1b", version: "x"}, name: "Narrator Noir") { method } }""")
                .execute().block(Api.timeout());
        assertThat(badName.getErrors()).singleElement().satisfies(error -> assertThat(error.getExtensions())
                .containsEntry("field", "name").containsEntry("rule", "slug"));
    }

    private List<Object> payloads(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private static Map<?, ?> awaitPull(GraphQlClient manager, String pullId, String status) {
        String query = """
                query($id: ID!) { ollamaPull(pullId: $id) { status statusText completedBytes totalBytes reason
                  registered { modelId version } } }""";
        await("pull " + status).atMost(RolloutWorlds.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(field(manager, query, Map.of("id", pullId), "ollamaPull.status", String.class)));
        return field(manager, query, Map.of("id", pullId), "ollamaPull", Map.class);
    }

    private static <T> T field(GraphQlClient client, String document, Map<String, Object> variables, String path, Class<T> type) {
        ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
        assertThat(response.getErrors()).as(document).isEmpty();
        return response.field(path).toEntity(type);
    }

    private static void stubOllama() {
        ollama.stubFor(post("/api/pull").withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2:1b")))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody("""
                        {"status":"pulling manifest"}
                        {"status":"pulling 74701a8c35f6","digest":"sha256:74701a8c35f6","total":1321082688,"completed":0}
                        {"status":"pulling 74701a8c35f6","digest":"sha256:74701a8c35f6","total":1321082688,"completed":660541344}
                        {"status":"pulling 74701a8c35f6","digest":"sha256:74701a8c35f6","total":1321082688,"completed":1321082688}
                        {"status":"verifying sha256 digest"}
                        {"status":"writing manifest"}
                        {"status":"success"}
                        """)));
        ollama.stubFor(post("/api/pull").withRequestBody(matchingJsonPath("$.model", equalTo("nosuch:7b")))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody("""
                        {"status":"pulling manifest"}
                        {"error":"pull model manifest: file does not exist"}
                        """)));
        ollama.stubFor(get("/api/tags").willReturn(okJson("""
                {"models":[
                  {"name":"llama3.2:1b","model":"llama3.2:1b","size":1321098329,"digest":"%1$s",
                   "details":{"format":"gguf","family":"llama","parameter_size":"1.2B","quantization_level":"Q8_0"}},
                  {"name":"narrator-noir:latest","model":"narrator-noir:latest","size":1321098329,"digest":"%1$s",
                   "details":{"format":"gguf","family":"llama","parameter_size":"1.2B","quantization_level":"Q8_0"}}]}"""
                .formatted(DIGEST))));
        ollama.stubFor(post("/api/show").willReturn(okJson("""
                {"license":"LLAMA 3.2 COMMUNITY LICENSE AGREEMENT\\nLlama 3.2 Version Release Date: September 25, 2024",
                 "modelfile":"FROM llama3.2:1b","parameters":"temperature 0.8","template":"{{ .Prompt }}",
                 "details":{"format":"gguf","family":"llama","families":["llama"],"parameter_size":"1.2B","quantization_level":"Q8_0"},
                 "model_info":{"general.architecture":"llama","llama.context_length":131072},
                 "capabilities":["completion","tools"]}""")));
        ollama.stubFor(post("/api/copy").willReturn(aResponse().withStatus(200)));
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody("""
                {"model":"llama3.2:1b","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"The lamp catches and the quay turns gold."},"done":false}
                {"model":"llama3.2:1b","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":1000,"load_duration":10,"prompt_eval_count":42,"prompt_eval_duration":100,"eval_count":9,"eval_duration":200}
                """)));
    }

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        return server;
    }
}
