package io.storyteller.ops.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The narration pipeline end to end, on the real stack (embedded PostgreSQL and OpenSearch, the
 * house guardrail and detector, the continuity engine) through the real GraphQL API. The narrator
 * models are an OpenAI-compatible endpoint, a local WireMock, scripted per model name.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=500ms", "spring.ai.retry.max-attempts=1"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class NarrationPipelineTest {

    static final WireMockServer scribe = started();
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String CANDIDATES = """
            candidates { index round model text outcome
              scores { loreConsistency continuity coherence novelty total detector
                       guardrail { allowed breaches } contradictions { kind fact source evidence } } }
            selection sources { kind id reason }""";

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Autowired
    EventStore eventStore;
    @Value("${storyteller.data-dir}")
    Path dataDir;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("storyteller.providers.scribe.kind", () -> "openai");
        registry.add("storyteller.providers.scribe.base-url", scribe::baseUrl);
        registry.add("storyteller.providers.scribe.self-hosted", () -> "true");
    }

    @BeforeAll
    static void listModels() {
        scribe.stubFor(get("/v1/models").willReturn(okJson("""
                {"object":"list","data":[%s]}""".formatted(String.join(",", List.of("duo", "loyal", "plain", "gentle", "brutal")
                .stream().map(m -> "{\"id\":\"" + m + "\",\"object\":\"model\",\"owned_by\":\"test\"}").toList())))));
    }

    @AfterAll
    static void stop() {
        scribe.stop();
    }

    @Test
    void aContradictingCandidateLosesToAConsistentOneAndTheBeatCitesTheActivatedLore() {
        Cast cast = cast();
        String worldId = cast.world("Caldmoor", "TEEN");
        String kingLore = cast.lore(worldId, "The old king", List.of("Aldric", "throne"),
                "King Aldric died of fever last winter; his daughter Senna rules now from the throne.");
        // Two narrator deployments, one candidate each: the world's own slot and the global one.
        Ref liar = cast.discovered("duo");
        Ref loyal = cast.discovered("loyal");
        cast.manager.createDeployment(worldId, liar);
        cast.awaitSlot(worldId, liar);
        cast.globalSlot(loyal);
        cast.policy(worldId, 2, List.of("narrator:world:" + worldId, "narrator:global"), "PT30S", 1.0, 1, "BLOCK");
        answerAlways("duo", "King Aldric rises from his throne and greets you warmly.");
        answerAlways("loyal", "Queen Senna looks up from the petitions on her father's throne.");

        String storyId = cast.story(worldId);
        Map<String, Object> beat = cast.narrationAfter(storyId, "I enter the throne room and bow.");

        assertThat(beat.get("text")).as("%s", beat.get("provenance"))
                .isEqualTo("Queen Senna looks up from the petitions on her father's throne.");
        Map<String, Object> provenance = map(beat.get("provenance"));
        List<Map<String, Object>> candidates = list(provenance.get("candidates"));
        assertThat(candidates).hasSize(2);
        Map<String, Object> loser = candidates.stream().filter(c -> "OUTRANKED".equals(c.get("outcome"))).findFirst()
                .orElseThrow();
        assertThat(loser.get("text")).isEqualTo("King Aldric rises from his throne and greets you warmly.");
        List<Map<String, Object>> contradictions = list(map(loser.get("scores")).get("contradictions"));
        assertThat(contradictions).isNotEmpty();
        assertThat(contradictions.getFirst().get("source")).isEqualTo(kingLore);
        assertThat(candidates).filteredOn(c -> "CHOSEN".equals(c.get("outcome"))).singleElement()
                .satisfies(c -> assertThat(list(map(c.get("scores")).get("contradictions"))).isEmpty());
        assertThat((String) provenance.get("selection")).startsWith("highest review total");
        assertThat(list(provenance.get("sources"))).anySatisfy(source -> {
            assertThat(source.get("kind")).isEqualTo("LORE");
            assertThat(source.get("id")).isEqualTo(kingLore);
            assertThat((String) source.get("reason")).startsWith("key:");
        });
    }

    @Test
    void aDetectorThresholdTriggersARegenerationWithFeedback() {
        Cast cast = cast();
        String worldId = cast.world("Saltmarsh", "TEEN");
        Ref model = cast.discovered("plain");
        cast.manager.createDeployment(worldId, model);
        cast.awaitSlot(worldId, model);
        // Every text scores above 0: each candidate reads machine-written, so the turn is regenerated once.
        cast.policy(worldId, 1, "PT30S", 0.0, 2, "BLOCK");
        answerAlways("plain", "The tide slides back over the mudflats and a heron lifts off.");

        String storyId = cast.story(worldId);
        Map<String, Object> beat = cast.narrationAfter(storyId, "I wade out towards the wreck.");

        List<Map<String, Object>> candidates = list(map(beat.get("provenance")).get("candidates"));
        assertThat(candidates).extracting(c -> c.get("round")).containsExactly(1, 2);
        assertThat(candidates).extracting(c -> c.get("outcome")).containsExactlyInAnyOrder("CHOSEN", "MACHINE_WRITTEN");
        assertThat((String) map(beat.get("provenance")).get("selection")).startsWith("re-ranked");
        scribe.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("plain")))
                .withRequestBody(containing("read as machine-written")));
    }

    @Test
    void aHarmfulActionIsRefusedInAnEveryoneWorldAndAllowedWhereTheRatingPermitsIt() {
        Cast cast = cast();
        Ref model = cast.discovered("plain");
        answerAlways("plain", "The tide slides back over the mudflats and a heron lifts off.");
        String action = "I stab the guard in the chest with my dagger and he falls, bleeding.";

        String everyone = cast.world("Daisy Vale", "EVERYONE");
        cast.manager.createDeployment(everyone, model);
        List<ResponseError> refused = cast.playerErrors(cast.story(everyone), action);
        assertThat(refused).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("field", "text").containsEntry("rule", "content-rating:EVERYONE");
        });

        String adult = cast.world("Red Marches", "ADULT");
        cast.manager.createDeployment(adult, model);
        assertThat(cast.playerErrors(cast.story(adult), action)).isEmpty();
    }

    @Test
    void aCandidateWritingBlockedTextIsRolledBackByTheGuardrailGate() {
        Cast cast = cast();
        String worldId = cast.world("Lanternfall", "EVERYONE");
        Ref gentle = cast.discovered("gentle");
        Ref brutal = cast.discovered("brutal");
        answerAlways("gentle", "The lanterns sway and the market smells of bread and rain.");
        answerAlways("brutal", "He guts the merchant and the blood sprays across the stalls while the crowd screams.");
        String deploymentId = cast.manager.createDeployment(worldId, gentle);
        cast.awaitSlot(worldId, gentle);
        cast.policy(worldId, 1, "PT30S", 1.0, 1, "BLOCK");
        List<String> stories = java.util.stream.IntStream.range(0, 8).mapToObj(i -> cast.story(worldId)).toList();

        String rolloutId = cast.manager.startRollout(deploymentId, brutal, RolloutClient.strategy(null,
                List.of(50, 100), "PT2S", 2, Map.of("maxGuardrailBlockRate", 0.2)), "a candidate that writes gore");
        // Arms are sticky per story: eight stories all fall on one arm once in 128 rollouts, and the
        // other arm's analysis would then hold until the rollout is aborted.
        List<String> playing = new ArrayList<>(stories);
        playing.addAll(cast.fixture.storiesOnBothArms(worldId, stories, rolloutId, 50, 2));
        try (var players = RolloutPlayers.start(cast.player, playing, 100, PATIENCE)) {
            await("the rollout ended").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> !cast.manager.deployment(worldId).runs(rolloutId));
        }

        Analysis last = cast.manager.analyses(deploymentId, rolloutId).getLast();
        assertThat(last.verdict()).isEqualTo("ROLLBACK");
        assertThat(last.rationale()).contains("GUARDRAIL_BLOCK_RATE");
        assertThat(last.candidate().guardrailBlockRate()).isGreaterThan(0.2);
        assertThat(last.stable().guardrailBlockRate()).isZero();
        assertThat(cast.manager.deployment(worldId).stable()).isEqualTo(gentle);
    }

    // --- the cast --------------------------------------------------------------------------------

    private Cast cast() {
        return new Cast(new RolloutFixture(port, minter, dataDir, eventStore));
    }

    /** A rollout fixture plus the pipeline's own calls. */
    static final class Cast {

        final RolloutFixture fixture;
        final RolloutClient manager;
        final RolloutClient player;
        final HttpGraphQlClient admin;
        final HttpGraphQlClient playerClient;

        Cast(RolloutFixture fixture) {
            this.fixture = fixture;
            this.manager = fixture.manager;
            this.player = fixture.player;
            this.admin = fixture.api.as("pipeline-admin-" + fixture.tag, PlatformRole.PLATFORM_ADMIN);
            this.playerClient = fixture.api.as(fixture.playerId, PlatformRole.PLAYER);
        }

        String world(String name, String rating) {
            String worldId = (String) data(admin, """
                    mutation($name: String!, $rating: ContentRating!) {
                      createWorld(settings: {name: $name, premise: "A place with a long memory.", genre: "fantasy",
                                             tone: "grave", contentRating: $rating}) { worldId } }""",
                    Map.of("name", name + " " + fixture.tag, "rating", rating), "createWorld.worldId");
            data(admin, "mutation($w: ID!, $u: ID!) { addWorldMember(worldId: $w, userId: $u, role: PLAYER) { worldId } }",
                    Map.of("w", worldId, "u", fixture.playerId), "addWorldMember.worldId");
            return worldId;
        }

        String lore(String worldId, String title, List<String> keys, String content) {
            return (String) data(admin, """
                    mutation($w: ID!, $c: LoreContentInput!) { addLoreEntry(worldId: $w, content: $c) { loreEntryId } }""",
                    Map.of("w", worldId, "c", Map.of("title", title, "triggerKeys", keys, "content", content,
                            "category", "history", "priority", 0, "alwaysOn", false)), "addLoreEntry.loreEntryId");
        }

        void policy(String worldId, int candidates, String deadline, double threshold, int tries, String action) {
            policy(worldId, candidates, List.of(), deadline, threshold, tries, action);
        }

        void policy(String worldId, int candidates, List<String> deployments, String deadline, double threshold,
                int tries, String action) {
            data(admin, """
                    mutation($w: ID!, $p: NarrationPolicyInput!) { setNarrationPolicy(worldId: $w, policy: $p) { worldId } }""",
                    Map.of("w", worldId, "p", Map.of("candidates", candidates, "deployments", deployments,
                            "deadline", deadline, "detectorThreshold", threshold, "maxTries", tries,
                            "guardrailAction", action)),
                    "setNarrationPolicy.worldId");
        }

        /** The global narrator slot, serving every world that has none of its own. */
        void globalSlot(Ref stable) {
            assertThat(manager.errors("""
                    mutation($stable: ModelRefInput!) { createDeployment(useCase: NARRATOR, stable: $stable) { deploymentId } }""",
                    Map.of("stable", Map.of("modelId", stable.modelId(), "version", stable.version())))).isEmpty();
            Map<String, Object> noWorld = new java.util.HashMap<>();
            noWorld.put("worldId", null);
            await("the global slot").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(list(data(admin, "query($worldId: ID) { deployments(worldId: $worldId) { id } }",
                            noWorld, "deployments"))).extracting(d -> d.get("id")).contains("narrator:global"));
        }

        /** A model of the scribe endpoint, found by discovery. */
        Ref discovered(String model) {
            assertThat(manager.errors("mutation { discoverModels { providers { provider ok } } }", Map.of())).isEmpty();
            await("model " + model + " discovered").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().untilAsserted(() ->
                            assertThat(manager.model("scribe:" + model).hasVersion(model)).isTrue());
            return new Ref("scribe:" + model, model);
        }

        void awaitSlot(String worldId, Ref stable) {
            fixture.awaitSlot(worldId, d -> stable.equals(d.stable()));
        }

        String story(String worldId) {
            return player.startStory(worldId, "A turn of the pipeline");
        }

        List<ResponseError> playerErrors(String storyId, String action) {
            return player.errors("mutation($s: ID!, $t: String!) { submitPlayerAction(storyId: $s, text: $t) { actionBeatId } }",
                    Map.of("s", storyId, "t", action));
        }

        /** Acts, then waits for the narration answering it, with its full provenance. */
        Map<String, Object> narrationAfter(String storyId, String action) {
            player.act(storyId, action);
            return await("the narration").atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        List<Map<String, Object>> beats = list(data(playerClient, """
                                query($s: ID!) { story(id: $s) { beats(first: 20) { edges { node {
                                  kind text provenance { %s } } } } } }""".formatted(CANDIDATES),
                                Map.of("s", storyId), "story.beats.edges"));
                        return beats.stream().map(edge -> map(edge.get("node")))
                                .filter(node -> "NARRATION".equals(node.get("kind"))).findFirst().orElse(null);
                    }, beat -> beat != null);
        }

        private static Object data(HttpGraphQlClient client, String document, Map<String, Object> variables, String path) {
            ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
            assertThat(response).isNotNull();
            assertThat(response.getErrors()).as(document).isEmpty();
            return response.field(path).getValue();
        }
    }

    // --- the scripted endpoint -----------------------------------------------------------------

    private static void answerAlways(String model, String answer) {
        scribe.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                .willReturn(streamed(model, answer)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder streamed(String model, String text) {
        return aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
                data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%s","choices":[{"index":0,"delta":{"role":"assistant","content":"%s"},"finish_reason":"stop"}]}

                data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%s","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}

                data: [DONE]

                """.formatted(model, text, model));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        return server;
    }
}
