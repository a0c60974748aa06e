package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.cli.StorytellerCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.HttpGraphQlClient;
import picocli.CommandLine;

/**
 * A story played through the real endpoint — a retry, a hand edit, a rating, a moderator's flag —
 * exported by a platform admin into datasets; exported again at the manifest's bound, through the
 * API or the CLI, it gives the same files. Nobody else may export or see exports.
 */
@EndToEnd
class ExportingACorpusTest {

    private static final String EXPORT = """
            mutation($input: CorpusExportInput!) { exportCorpus(input: $input) { exportId status directory } }""";
    private static final String EXPORTS = """
            { corpusExports(limit: 50) { exportId status directory firstSequence lastSequence eventsRead digest failure
                files { dataset split name records sha256 } } }""";
    private static final String BEAT = """
            query($id: ID!) { story(id: $id) { narrationPending beats(first: 10) { edges { node { id kind alternatives } } } } }""";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    @Test
    void aPlayedStoryBecomesDatasetsThatTheManifestReproduces() throws IOException {
        Api api = new Api(port, minter);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String player = "corpus-player-" + tag;
        HttpGraphQlClient owner = api.as("corpus-owner-" + tag, PlatformRole.WORLD_ADMIN);
        HttpGraphQlClient teller = api.as(player, PlatformRole.PLAYER);
        HttpGraphQlClient admin = api.as("corpus-admin-" + tag, PlatformRole.PLATFORM_ADMIN);
        PlayClient world = new PlayClient(owner);
        String worldId = world.createWorld("Corpus " + tag);
        world.addLore(worldId, "The Drowned Bell", List.of("bell"), "A bell that rings under the harbour at low tide.", true);
        world.addMember(worldId, player, "PLAYER");
        PlayClient play = new PlayClient(teller);
        String storyId = play.startStory(worldId, "Low tide");

        String actionId = play.act(storyId, "I listen for the bell. Write to me at " + player + "@example.com.");
        String narrationId = eventually(() -> narration(teller, storyId, 1));
        play.retryNarration(storyId);
        eventually(() -> narration(teller, storyId, 2));
        play.editBeat(storyId, narrationId, "Under the water, slow and patient, the bell rings twice.");
        play.rateBeat(storyId, narrationId, 4);
        owner.document("""
                mutation($s: ID!, $b: ID!) { flagBeat(storyId: $s, beatId: $b, categories: [VIOLENCE], severity: 2) { beatId } }""")
                .variable("s", storyId).variable("b", actionId).execute().block(Api.timeout());

        Map<String, Object> input = new HashMap<>(Map.of("worldIds", List.of(worldId), "holdout", 0.0, "seed", 11));
        Map<String, Object> done = exportAndWait(admin, input);

        Path directory = dataDir.resolve((String) done.get("directory"));
        JsonNode sft = lines(directory, "sft.train.jsonl").getFirst().get("messages");
        assertThat(sft.get(0).get("content").asText()).contains("Corpus " + tag, "The Drowned Bell");
        assertThat(sft.get(1).get("content").asText()).startsWith("I listen for the bell.").contains("[email]").doesNotContain(player);
        assertThat(sft.get(2).get("content").asText()).isEqualTo("Under the water, slow and patient, the bell rings twice.");
        assertThat(lines(directory, "preferences.train.jsonl")).extracting(p -> p.get("source").asText()).contains("retry", "edit");
        assertThat(lines(directory, "ratings.train.jsonl")).singleElement()
                .satisfies(r -> assertThat(r.get("rating").asInt()).isEqualTo(4));
        assertThat(lines(directory, "detector.train.jsonl")).extracting(d -> d.get("label").asText() + ":" + d.get("source").asText())
                .contains("human:lore", "human:action", "human:edit", "generated:narration");
        assertThat(lines(directory, "guardrail.train.jsonl")).anySatisfy(g -> {
            assertThat(g.get("categories").toString()).isEqualTo("[\"violence\"]");
            assertThat(g.get("severity").asInt()).isEqualTo(2);
            assertThat(g.get("allowed").get("E").asBoolean()).isFalse();
        });
        String everything = Files.readString(directory.resolve("sft.train.jsonl")) + Files.readString(directory.resolve("ratings.train.jsonl"));
        assertThat(everything).doesNotContain(player, storyId);
        JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile());
        assertThat(manifest.get("digest").asText()).isEqualTo(done.get("digest"));

        input.put("toSequence", manifest.get("lastSequenceRead").asLong());
        Map<String, Object> again = exportAndWait(admin, input);
        assertThat(again.get("digest")).isEqualTo(done.get("digest"));
        assertThat(Files.readAllBytes(dataDir.resolve((String) again.get("directory")).resolve("preferences.train.jsonl")))
                .isEqualTo(Files.readAllBytes(directory.resolve("preferences.train.jsonl")));

        // The CLI reads the same log through the running server's database: from the options, and from the manifest.
        String lastRead = manifest.get("lastSequenceRead").asText();
        assertThat(cli("corpus", "export", "--out", dataDir.resolve("cli-" + tag).toString(), "--data-dir", dataDir.toString(),
                "--world", worldId, "--holdout", "0", "--seed", "11", "--to", lastRead)).contains("digest " + done.get("digest"));
        assertThat(cli("corpus", "export", "--out", dataDir.resolve("cli-again-" + tag).toString(), "--data-dir", dataDir.toString(),
                "--manifest", directory.resolve("manifest.json").toString())).contains("digest " + done.get("digest"));
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StorytellerCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void onlyPlatformAdminsExportOrSeeExports() {
        Api api = new Api(port, minter);
        for (PlatformRole role : List.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN, PlatformRole.MODEL_MANAGER)) {
            HttpGraphQlClient caller = api.as("corpus-" + role, role);
            List<ResponseError> refused = caller.document(EXPORT).variable("input", Map.of()).execute().block(Api.timeout()).getErrors();
            assertThat(refused).as(role.toString()).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
                assertThat(e.getExtensions()).containsEntry("rule", "role:platform-admin");
            });
            assertThat(caller.document(EXPORTS).retrieve("corpusExports").toEntityList(Map.class).block(Api.timeout())).isEmpty();
        }
        List<ResponseError> badHoldout = api.as("corpus-root", PlatformRole.PLATFORM_ADMIN).document(EXPORT)
                .variable("input", Map.of("holdout", 0.95)).execute().block(Api.timeout()).getErrors();
        assertThat(badHoldout).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions()).containsEntry("field", "selection.holdout");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exportAndWait(HttpGraphQlClient admin, Map<String, Object> input) {
        Map<String, Object> started = admin.document(EXPORT).variable("input", input).retrieve("exportCorpus")
                .toEntity(Map.class).block(Api.timeout());
        assertThat(started).containsEntry("status", "RUNNING");
        return eventually(() -> admin.document(EXPORTS).retrieve("corpusExports").toEntityList(Map.class).block(Api.timeout())
                .stream().map(m -> (Map<String, Object>) m)
                .filter(e -> e.get("exportId").equals(started.get("exportId")) && "COMPLETED".equals(e.get("status")))
                .findFirst().orElse(null));
    }

    /** The narration beat's id once it has {@code alternatives} alternatives and none is pending. */
    @SuppressWarnings("unchecked")
    private static String narration(HttpGraphQlClient client, String storyId, int alternatives) {
        var response = client.document(BEAT).variable("id", storyId).execute().block(Api.timeout());
        if (Boolean.TRUE.equals(response.field("story.narrationPending").toEntity(Boolean.class))) {
            return null;
        }
        return response.field("story.beats.edges").toEntityList(Map.class).stream()
                .map(edge -> (Map<String, Object>) ((Map<String, Object>) edge).get("node"))
                .filter(node -> "NARRATION".equals(node.get("kind")) && ((List<?>) node.get("alternatives")).size() == alternatives)
                .map(node -> (String) node.get("id")).findFirst().orElse(null);
    }

    private static List<JsonNode> lines(Path directory, String name) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve(name))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static <T> T eventually(java.util.concurrent.Callable<T> read) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(read, value -> value != null);
    }
}
