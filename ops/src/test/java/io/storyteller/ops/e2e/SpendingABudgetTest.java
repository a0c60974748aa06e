package io.storyteller.ops.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.storyteller.ops.e2e.NarrationPipelineTest.list;
import static io.storyteller.ops.e2e.NarrationPipelineTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.Disposable;

/**
 * A tiny daily budget exhausted, through the real GraphQL API on the embedded stack. A world's
 * narrator is a priced OpenAI-compatible endpoint ("paid", 1000 USD per million tokens each way:
 * 52 tokens a call cost 0.052 USD) and the global narrator a self-hosted one ("cellar", in house:
 * free). With a daily limit of 0.1 USD the first two turns are narrated by the paid model; then
 * CHEAPER hands the turn to the house narrator (the provenance says why) and REFUSE refuses it with
 * an error naming the budget. The spend view shows the figures.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=500ms", "spring.ai.retry.max-attempts=1"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class SpendingABudgetTest {

    static final WireMockServer paid = started("quill", "The ink runs gold across the page.");
    static final WireMockServer cellar = started("ember", "A lantern gutters in the cellar.");
    static final Duration PATIENCE = Duration.ofSeconds(120);

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
        registry.add("storyteller.providers.paid.kind", () -> "openai");
        registry.add("storyteller.providers.paid.base-url", paid::baseUrl);
        registry.add("storyteller.providers.paid.api-key", () -> "sk-test-budget-0b7e");
        registry.add("storyteller.providers.paid.prices[quill].input", () -> "1000");
        registry.add("storyteller.providers.paid.prices[quill].output", () -> "1000");
        registry.add("storyteller.providers.cellar.kind", () -> "openai");
        registry.add("storyteller.providers.cellar.base-url", cellar::baseUrl);
        registry.add("storyteller.providers.cellar.self-hosted", () -> "true");
    }

    @AfterAll
    static void stop() {
        paid.stop();
        cellar.stop();
    }

    @Test
    void aTinyDailyBudgetHandsTurnsToTheHouseNarratorOrRefusesThem() {
        NarrationPipelineTest.Cast cast = new NarrationPipelineTest.Cast(new RolloutFixture(port, minter, dataDir, eventStore));
        HttpGraphQlClient admin = cast.admin;
        assertThat(cast.manager.errors("mutation { discoverModels { providers { provider ok } } }", Map.of())).isEmpty();
        await("both models discovered").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(cast.manager.model("paid:quill").hasVersion("quill")).isTrue();
                    assertThat(cast.manager.model("cellar:ember").hasVersion("ember")).isTrue();
                });
        Ref quill = new Ref("paid:quill", "quill");
        cast.globalSlot(new Ref("cellar:ember", "ember"));

        String cheaper = world(cast, "Inkwell", quill, "CHEAPER");
        String refusing = world(cast, "Ledger", quill, "REFUSE");

        // CHEAPER: two paid turns, then the house narrator, saying why
        String story = cast.story(cheaper);
        for (String action : List.of("I dip the pen.", "I write my name.")) {
            Map<String, Object> beat = narrationAfter(cast, story, action);
            assertThat(beat.get("text")).isEqualTo("The ink runs gold across the page.");
            assertThat(map(beat.get("provenance")).get("budget")).isNull();
        }
        Map<String, Object> housed = narrationAfter(cast, story, "I turn the page.");
        assertThat(housed.get("text")).isEqualTo("A lantern gutters in the cellar.");
        Map<String, Object> provenance = map(housed.get("provenance"));
        assertThat(provenance.get("deploymentId")).isEqualTo("narrator:global");
        Map<String, Object> decision = map(provenance.get("budget"));
        assertThat(decision).containsEntry("budget", "world:" + cheaper).containsEntry("period", "DAY")
                .containsEntry("action", "CHEAPER");
        assertThat(new BigDecimal(decision.get("spentUsd").toString())).isEqualByComparingTo("0.104");
        assertThat((String) decision.get("outcome")).startsWith("narrated by narrator:global");

        // REFUSE: two paid turns, then the player is told which budget is spent
        String ledger = cast.story(refusing);
        narrationAfter(cast, ledger, "I open the ledger.");
        narrationAfter(cast, ledger, "I add a column.");
        List<Map<String, Object>> updates = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient socket = cast.fixture.api.subscriber(cast.fixture.playerId, PlatformRole.PLAYER);
        Disposable watching = socket.document("""
                        subscription($s: ID!) { storyEvents(storyId: $s) { kind requestId reason code } }""")
                .variable("s", ledger).retrieveSubscription("storyEvents").toEntity(Map.class)
                .subscribe(update -> updates.add(map(update)));
        try {
            await("the subscription is live").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                data(cast.playerClient, "mutation($s: ID!, $n: String) { setAuthorsNote(storyId: $s, note: $n) { storyId } }",
                        Map.of("s", ledger, "n", "poke " + System.nanoTime()), "setAuthorsNote.storyId");
                return updates.stream().anyMatch(u -> "STORY_CHANGED".equals(u.get("kind")));
            });
            cast.player.act(ledger, "I total the sums.");
            Map<String, Object> failed = await("the refusal").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> updates.stream().filter(u -> "NARRATION_FAILED".equals(u.get("kind"))).findFirst().orElse(null),
                            u -> u != null);
            assertThat(failed.get("code")).isEqualTo("BUDGET_EXHAUSTED");
            assertThat((String) failed.get("reason")).startsWith("Narration refused: the daily budget of world " + refusing
                    + " (0.1 USD) is spent");
        } finally {
            watching.dispose();
        }

        // the spend view: two paid calls in each world, the house call free
        await("the world's spend").atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            List<Map<String, Object>> spend = list(data(admin, """
                    query($w: ID) { spend(worldId: $w, groupBy: [DEPLOYMENT, DAY]) { worldId deploymentId day calls
                      promptTokens completionTokens costUsd } }""", Map.of("w", cheaper), "spend"));
            assertThat(spend).hasSize(2);
            Map<String, Object> paidLine = spend.stream()
                    .filter(l -> ("narrator:world:" + cheaper).equals(l.get("deploymentId"))).findFirst().orElseThrow();
            assertThat(paidLine).containsEntry("calls", 2).containsEntry("promptTokens", 80)
                    .containsEntry("completionTokens", 24).containsEntry("worldId", null);
            assertThat(paidLine.get("day")).isNotNull();
            assertThat(new BigDecimal(paidLine.get("costUsd").toString())).isEqualByComparingTo("0.104");
            Map<String, Object> houseLine = spend.stream().filter(l -> "narrator:global".equals(l.get("deploymentId")))
                    .findFirst().orElseThrow();
            assertThat(houseLine).containsEntry("calls", 1);
            assertThat(new BigDecimal(houseLine.get("costUsd").toString())).isEqualByComparingTo("0");
        });
        await("the refused world's spend").atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            List<Map<String, Object>> worlds = list(data(admin, "query { spend(groupBy: [WORLD]) { worldId calls costUsd } }",
                    Map.of(), "spend"));
            assertThat(worlds).anySatisfy(line -> {
                assertThat(line).containsEntry("worldId", refusing).containsEntry("calls", 2);
                assertThat(new BigDecimal(line.get("costUsd").toString())).isEqualByComparingTo("0.104");
            });
        });
        // the world's owner and admins see its budget; a player of the world does not
        assertThat(map(data(admin, "query($w: ID!) { world(id: $w) { budget { dailyUsd whenExhausted } } }",
                Map.of("w", refusing), "world")).get("budget")).isEqualTo(Map.of("dailyUsd", 0.1, "whenExhausted", "REFUSE"));
        assertThat(map(data(cast.playerClient, "query($w: ID!) { world(id: $w) { budget { dailyUsd } } }",
                Map.of("w", refusing), "world")).get("budget")).isNull();
    }

    /** A world narrated by the paid model, with a daily budget of 0.1 USD; one candidate, checked once. */
    private static String world(NarrationPipelineTest.Cast cast, String name, Ref narrator, String whenExhausted) {
        String worldId = cast.world(name, "TEEN");
        cast.manager.createDeployment(worldId, narrator);
        cast.awaitSlot(worldId, narrator);
        cast.policy(worldId, 1, "PT30S", 1.0, 1, "BLOCK");
        data(cast.admin, """
                mutation($w: ID!, $b: BudgetInput!) { setWorldBudget(worldId: $w, budget: $b) { worldId } }""",
                Map.of("w", worldId, "b", Map.of("dailyUsd", "0.1", "whenExhausted", whenExhausted)), "setWorldBudget.worldId");
        await("the budget").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions().untilAsserted(() ->
                assertThat(map(data(cast.admin, "query($w: ID!) { world(id: $w) { budget { whenExhausted } } }",
                        Map.of("w", worldId), "world")).get("budget")).isNotNull());
        return worldId;
    }

    /** Acts, then waits for the narration answering it (the story's latest beat), with its provenance. */
    private static Map<String, Object> narrationAfter(NarrationPipelineTest.Cast cast, String storyId, String action) {
        String actionBeatId = cast.player.act(storyId, action);
        return await("the narration of " + action).atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    List<Map<String, Object>> beats = list(map(data(cast.playerClient, """
                            query($s: ID!) { story(id: $s) { beats(first: 50) { edges { node { id kind text
                              provenance { deploymentId budget { budget period limitUsd spentUsd action outcome } } } } } } }""",
                            Map.of("s", storyId), "story.beats")).get("edges")).stream().map(edge -> map(edge.get("node"))).toList();
                    int asked = beats.stream().map(b -> b.get("id")).toList().indexOf(actionBeatId);
                    return asked >= 0 && asked + 1 < beats.size() ? beats.get(asked + 1) : null;
                }, beat -> beat != null);
    }

    private static Object data(HttpGraphQlClient client, String document, Map<String, Object> variables, String path) {
        ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
        assertThat(response).isNotNull();
        assertThat(response.getErrors()).as(document).isEmpty();
        return response.field(path).getValue();
    }

    /** An OpenAI-compatible server with one model that always answers alike, 40 tokens in and 12 out. */
    private static WireMockServer started(String model, String answer) {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        server.stubFor(get("/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"%s","object":"model","owned_by":"test"}]}""".formatted(model))));
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("""
                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%s","choices":[{"index":0,"delta":{"role":"assistant","content":"%s"},"finish_reason":"stop"}]}

                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%s","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}

                        data: [DONE]

                        """.formatted(model, answer, model))));
        return server;
    }
}
