package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.acquisition.hub.LocalHub;
import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.cli.StorytellerCommand;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * A platform admin acquires a model from a Hub on localhost through the GraphQL API: it is
 * downloaded under the data directory, verified, and appears in the registry with its license,
 * digest and files' location; nobody else may search the Hub or acquire.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"storyteller.discovery.enabled=false", "storyteller.hub.licenses=apache-2.0,mit",
                "storyteller.guardrail.downloaded.labels.tense=VIOLENCE"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class AcquiringFromTheHubTest {

    static final String REPO = "tiny-org/tiny-decoder";
    static final String NARRATOR_REPO = "tiny-org/tiny-narrator";
    static final String GUARD_REPO = "tiny-org/tiny-guard";
    static final LocalHub hub = started();

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Value("${storyteller.data-dir}")
    Path dataDir;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static LocalHub started() {
        try {
            LocalHub server = new LocalHub();
            server.add(REPO, 50_000, "apache-2.0", false);
            server.add("other-org/closed", 1_000, "other", false);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hubAddress(DynamicPropertyRegistry registry) {
        registry.add("storyteller.hub.base-url", () -> hub.baseUrl().toString());
        registry.add("storyteller.hub.token", () -> LocalHub.TOKEN);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void anAcquiredModelVersionAppearsInTheRegistryWithItsLicenseAndDigest() throws Exception {
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("hub-admin", PlatformRole.PLATFORM_ADMIN);

        List<Map<String, Object>> candidates = admin.document("{ hubModels(task: \"text-generation\", first: 10) { rank repo license licenseAllowed } }")
                .retrieve("hubModels").toEntityList(Map.class).block(Api.timeout()).stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(candidates).extracting(c -> c.get("repo")).containsExactly(REPO, "other-org/closed");

        String id = admin.document("mutation { acquireHubModel(repo: \"" + REPO + "\", useCase: NARRATOR) }")
                .retrieve("acquireHubModel").toEntity(String.class).block(Api.timeout());
        assertThat(id).startsWith("acquisition-");

        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%AcquiredModelEvaluationRequested'",
                    Long.class, id) > 0);
        Map<?, ?> version = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            ClientGraphQlResponse models = admin.document("""
                    { models(provider: "huggingface") { id source spec { license kind }
                        versions { version artifact { uri sha256 sizeBytes } } } }""").execute().block(Api.timeout());
            List<Map<String, Object>> list = models.field("models").getValue();
            Map<String, Object> model = list.stream().filter(m -> ("huggingface:" + REPO).equals(m.get("id")))
                    .findFirst().orElseThrow();
            assertThat(model).containsEntry("source", "DOWNLOADED");
            assertThat((Map<String, Object>) model.get("spec")).containsEntry("license", "apache-2.0");
            return (Map<?, ?>) ((List<?>) model.get("versions")).get(0);
        }, v -> v != null);
        assertThat(version.get("version")).isEqualTo(LocalHub.COMMIT);
        Map<?, ?> artifact = (Map<?, ?>) version.get("artifact");
        assertThat((String) artifact.get("uri")).isEqualTo("models/hub/" + REPO + "/" + LocalHub.COMMIT + "/");
        assertThat(((Number) artifact.get("sizeBytes")).longValue()).isEqualTo(50_000 + LocalHub.config().length);
        Path weights = dataDir.resolve("models/hub").resolve(REPO).resolve(LocalHub.COMMIT).resolve("onnx/model.onnx");
        assertThat(Files.readAllBytes(weights)).isEqualTo(hub.repos.get(REPO).weights());
        theAcquisitionIsReadBackWithItsStepsFilesAndValidation(admin, id);
    }

    /**
     * The whole acquisition, ending in play: a small decoder exported to ONNX (built here, with its
     * tokenizer) is served by the local Hub, acquired for NARRATOR, and the version the acquisition
     * registered narrates a world's turn in process once the world's narrator slot names it.
     */
    @Test
    void anAcquiredDecoderNarratesAWorldOnceItsSlotNamesIt(@TempDir Path built) throws Exception {
        hub.addFiles(NARRATOR_REPO, TinyModels.decoder(built, true, 10, 48), "apache-2.0");
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("hub-narrator-admin", PlatformRole.PLATFORM_ADMIN);

        String id = admin.document("mutation { acquireHubModel(repo: \"" + NARRATOR_REPO + "\", useCase: NARRATOR) }")
                .retrieve("acquireHubModel").toEntity(String.class).block(Api.timeout());
        Ref acquired = new Ref("huggingface:" + NARRATOR_REPO, LocalHub.COMMIT);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> admin.document(
                        "{ acquisition(id: \"" + id + "\") { status model { modelId version } } }")
                .retrieve("acquisition.status").toEntity(String.class).block(Api.timeout()), "COMPLETED"::equals);

        RolloutClient owner = new RolloutClient(api.as("hub-narrator-owner", PlatformRole.WORLD_ADMIN));
        String worldId = owner.createWorld("Acquired narrator");
        owner.addPlayer(worldId, "hub-narrator-player");
        RolloutClient manager = new RolloutClient(api.as("hub-narrator-manager", PlatformRole.PLATFORM_ADMIN));
        manager.createDeployment(worldId, acquired);
        RolloutClient player = new RolloutClient(api.as("hub-narrator-player", PlatformRole.PLAYER));
        String storyId = player.startStory(worldId, "A cat story");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            RolloutPlayers.playRound(player, List.of(storyId), "I watch the cat.", Duration.ofSeconds(30));
            return player.beats(storyId).getLast();
        }, beat -> beat.isNarration() && acquired.modelId().equals(beat.provenance().model()));

        RolloutViews.Beat narration = player.beats(storyId).getLast();
        // The decoder's table, from the transcript's last ":": the cat sat on a mat . the …
        assertThat(narration.text()).startsWith("the cat sat on a mat");
        assertThat(narration.provenance().modelVersion()).isEqualTo(LocalHub.COMMIT);
    }

    /**
     * A small text classifier exported to ONNX (built here, with its tokenizer) is served by the local
     * Hub, acquired for GUARDRAIL and registered as a CLASSIFIER; once an ADULT world's guardrail slot
     * names it, it judges that world's candidates in process, its label {@code tense} read as
     * violence ({@code storyteller.guardrail.downloaded.labels.tense}).
     */
    @Test
    void anAcquiredClassifierJudgesAWorldsCandidatesOnceItsGuardrailSlotNamesIt(@TempDir Path built) throws Exception {
        hub.addFiles(GUARD_REPO, TinyModels.classifier(built), "apache-2.0", "text-classification");
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("hub-guard-admin", PlatformRole.PLATFORM_ADMIN);

        String id = admin.document("mutation { acquireHubModel(repo: \"" + GUARD_REPO + "\", useCase: GUARDRAIL) }")
                .retrieve("acquireHubModel").toEntity(String.class).block(Api.timeout());
        Ref acquired = new Ref("huggingface:" + GUARD_REPO, LocalHub.COMMIT);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> admin.document(
                        "{ acquisition(id: \"" + id + "\") { status } }")
                .retrieve("acquisition.status").toEntity(String.class).block(Api.timeout()), "COMPLETED"::equals);
        assertThat(admin.document("{ models(provider: \"huggingface\") { id spec { kind } } }").retrieve("models")
                .toEntityList(Map.class).block(Api.timeout())).anySatisfy(model -> assertThat(model)
                .containsEntry("id", acquired.modelId()).containsEntry("spec", Map.of("kind", "CLASSIFIER")));

        HttpGraphQlClient owner = api.as("hub-guard-owner", PlatformRole.WORLD_ADMIN);
        String worldId = owner.document("""
                mutation { createWorld(settings: {name: "Acquired guardrail", premise: "A harbour town where the tide keeps secrets.",
                    genre: "mystery", tone: "wistful", contentRating: ADULT}) { worldId } }""")
                .retrieve("createWorld.worldId").toEntity(String.class).block(Api.timeout());
        new RolloutClient(owner).addPlayer(worldId, "hub-guard-player");
        RolloutClient manager = new RolloutClient(api.as("hub-guard-manager", PlatformRole.PLATFORM_ADMIN));
        manager.createDeployment("GUARDRAIL", worldId, acquired);
        RolloutClient player = new RolloutClient(api.as("hub-guard-player", PlatformRole.PLAYER));
        String storyId = player.startStory(worldId, "A tide story");

        List<Map<?, ?>> verdicts = await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            RolloutPlayers.playRound(player, List.of(storyId), "I wind the tide clock.", Duration.ofSeconds(30));
            String narration = player.beats(storyId).getLast().id();
            Map<?, ?> judged = api.as("hub-guard-player").document("""
                    query($id: ID!) { story(id: $id) { beats(first: 50) { edges { node { id provenance { candidates {
                      scores { guardrail { model modelVersion allowed } } } } } } } } }""")
                    .variable("id", storyId).retrieve("story.beats.edges").toEntityList(Map.class).block(Api.timeout())
                    .stream().map(edge -> (Map<?, ?>) edge.get("node")).filter(node -> narration.equals(node.get("id")))
                    .findFirst().orElseThrow();
            return ((List<?>) ((Map<?, ?>) judged.get("provenance")).get("candidates")).stream()
                    .map(candidate -> (Map<?, ?>) ((Map<?, ?>) candidate).get("scores")).filter(java.util.Objects::nonNull)
                    .<Map<?, ?>>map(scores -> (Map<?, ?>) scores.get("guardrail")).filter(java.util.Objects::nonNull).toList();
        }, found -> !found.isEmpty() && found.stream().allMatch(v -> acquired.modelId().equals(v.get("model"))));

        assertThat(verdicts).allSatisfy(verdict -> {
            assertThat(verdict.get("modelVersion")).isEqualTo(LocalHub.COMMIT);
            assertThat(verdict.get("allowed")).isEqualTo(true);
        });
    }

    /** The read side: the acquisition's steps, files, digest, model and validation, and its rank among the acquired. */
    private void theAcquisitionIsReadBackWithItsStepsFilesAndValidation(HttpGraphQlClient admin, String id) {
        Map<String, Object> acquisition = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            Map<String, Object> read = admin.document("""
                    query($id: ID!) { acquisition(id: $id) { acquisitionId repo commit status license digest totalBytes
                        files { path sizeBytes sha256 } model { modelId version } steps { step state at }
                        validation { validationId passed } } }""").variable("id", id)
                    .retrieve("acquisition").toEntity(Map.class).block(Api.timeout());
            assertThat(read.get("validation")).isNotNull();
            return read;
        }, read -> read != null);
        assertThat(acquisition).containsEntry("repo", REPO).containsEntry("commit", LocalHub.COMMIT)
                .containsEntry("status", "COMPLETED").containsEntry("license", "apache-2.0");
        assertThat((String) acquisition.get("digest")).matches("[0-9a-f]{64}");
        assertThat((List<Map<String, Object>>) acquisition.get("files")).extracting(f -> f.get("path"))
                .contains("onnx/model.onnx", "config.json");
        assertThat((Map<String, Object>) acquisition.get("model"))
                .containsEntry("modelId", "huggingface:" + REPO).containsEntry("version", LocalHub.COMMIT);
        assertThat((List<Map<String, Object>>) acquisition.get("steps")).extracting(s -> s.get("state"))
                .containsExactly("DONE", "DONE", "DONE", "DONE");
        assertThat((Map<String, Object>) acquisition.get("validation")).containsEntry("validationId", id + "-validation");

        List<Map<String, Object>> completed = admin.document("{ acquisitions(status: COMPLETED, first: 10) { acquisitionId } }")
                .retrieve("acquisitions").toEntityList(Map.class).block(Api.timeout()).stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(completed).extracting(a -> a.get("acquisitionId")).contains(id);
        assertThat(admin.document("{ acquisitions(status: FAILED, first: 10) { acquisitionId } }")
                .retrieve("acquisitions").toEntityList(Map.class).block(Api.timeout()).stream()
                .map(a -> (Object) ((Map<?, ?>) a).get("acquisitionId")).toList()).doesNotContain(id);
        List<Map<String, Object>> candidates = admin.document("""
                { acquiredCandidates(useCase: NARRATOR) { rank acquisitionId repo licenseAllowed withinSizeLimit
                    validationId } }""")
                .retrieve("acquiredCandidates").toEntityList(Map.class).block(Api.timeout()).stream()
                .map(m -> (Map<String, Object>) m).toList();
        // Other acquisitions of this class may rank above it: the ranking itself is specified in AcquiredCandidateRankingTest.
        assertThat(candidates).filteredOn(c -> id.equals(c.get("acquisitionId"))).singleElement().satisfies(best -> assertThat(best)
                .containsEntry("licenseAllowed", true)
                .containsEntry("withinSizeLimit", true).containsEntry("validationId", id + "-validation"));
        assertThat(admin.document("{ acquiredCandidates(useCase: EMBEDDER) { repo } }")
                .retrieve("acquiredCandidates").toEntityList(Map.class).block(Api.timeout())).isEmpty();
    }

    @Test
    void onlyPlatformAdminsSearchTheHubOrAcquire() {
        HttpGraphQlClient manager = new Api(port, minter).as("hub-manager", PlatformRole.MODEL_MANAGER);

        ClientGraphQlResponse acquire = manager.document("mutation { acquireHubModel(repo: \"" + REPO + "\") }")
                .execute().block(Api.timeout());
        ClientGraphQlResponse search = manager.document("{ hubModels(first: 5) { repo } }").execute().block(Api.timeout());

        assertThat(acquire.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
        assertThat(search.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void onlyPlatformAdminsReadAcquisitionsAndTheAcquiredCandidates() {
        Api api = new Api(port, minter);
        for (HttpGraphQlClient other : List.of(api.as("hub-manager", PlatformRole.MODEL_MANAGER),
                api.as("hub-world-admin", PlatformRole.WORLD_ADMIN), api.as("hub-player", PlatformRole.PLAYER))) {
            for (String read : List.of("{ acquisitions(first: 5) { acquisitionId } }",
                    "{ acquisition(id: \"acquisition-1\") { acquisitionId } }",
                    "{ acquiredCandidates(useCase: NARRATOR) { repo } }")) {
                ClientGraphQlResponse refused = other.document(read).execute().block(Api.timeout());
                assertThat(refused.getErrors()).as(read).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
            }
        }
    }

    /** The CLI does the same through the server: search, files, an acquisition followed to its end, its read side. */
    @Test
    void theHubCommandSearchesAcquiresAndFollowsThroughTheServer() {
        String[] server = {"--server", "http://localhost:" + port, "--token",
                new Api(port, minter).token("hub-cli-admin", PlatformRole.PLATFORM_ADMIN)};

        assertThat(cli(server, "hub", "search", "--task", "text-generation"))
                .containsPattern("\\d\\s+other-org/closed\\s+other .* no \\(license\\)");
        assertThat(cli(server, "hub", "files", "other-org/closed")).contains(LocalHub.COMMIT).contains("onnx/model.onnx");

        String followed = cli(server, "hub", "acquire", "other-org/closed", "--use-case", "detector", "--wait", "--poll", "PT0.2S");
        assertThat(followed).contains("DOWNLOAD:DONE VERIFY:DONE REGISTER:DONE EVALUATE:DONE")
                .contains("registered huggingface:other-org/closed@" + LocalHub.COMMIT);
        String id = followed.lines().findFirst().orElseThrow().replace("acquisition ", "");

        assertThat(cli(server, "hub", "acquisitions", "--status", "completed")).contains(id);
        assertThat(cli(server, "hub", "acquisitions", id)).contains("\"digest\"").contains("\"license\" : \"other\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cli(server, "hub", "candidates", "DETECTOR"))
                .containsPattern("1\\s+other-org/closed\\s+\\S+\\s+\\d+\\s+\\d+\\s+\\d+\\s+no \\(license\\)"));
    }

    private static String cli(String[] server, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(server))
                .toArray(String[]::new);
        int exit = new CommandLine(new StorytellerCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        assertThat(exit).as(err + "\n" + out).isZero();
        return out.toString();
    }
}
