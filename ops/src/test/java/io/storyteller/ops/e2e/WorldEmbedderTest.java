package io.storyteller.ops.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import io.storyteller.ops.e2e.RolloutViews.Ref;
import io.storyteller.projections.schema.SearchIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A world's embedder deployment: a model manager registers an embedding model of an
 * OpenAI-compatible endpoint (a local WireMock) and opens the world's {@code EMBEDDER} slot with it;
 * the world's lore is then embedded by that model, its documents name it, and {@code searchLore}
 * matches them by vector too. Through the real GraphQL API on the embedded stack.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.ai.retry.max-attempts=1", "storyteller.discovery.enabled=false"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class WorldEmbedderTest {

    static final WireMockServer embeds = started();

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Autowired
    EventStore eventStore;
    @Autowired
    OpenSearchClient search;
    @Value("${storyteller.data-dir}")
    Path dataDir;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("storyteller.providers.embeds.kind", () -> "openai");
        registry.add("storyteller.providers.embeds.base-url", embeds::baseUrl);
    }

    @AfterAll
    static void stopServer() {
        embeds.stop();
    }

    @Test
    void aWorldsLoreIsEmbeddedByTheModelItsEmbedderSlotServes() {
        // every text gets the same 8-dimension vector: enough for the k-NN half to match it
        embeds.stubFor(post("/v1/embeddings").willReturn(okJson("""
                {"object":"list","model":"mini-embed","usage":{"prompt_tokens":3,"total_tokens":3},
                 "data":[{"object":"embedding","index":0,"embedding":[1,0,0,0,0,0,0,0]}]}""")));
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        String adminId = "embedder-admin-" + cast.tag;
        GraphQlClient adminApi = cast.api.as(adminId, PlatformRole.WORLD_ADMIN);
        RolloutClient admin = new RolloutClient(adminApi);
        String worldId = admin.createWorld("Fog and bells " + cast.tag);

        assertThat(cast.manager.errors("""
                mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""",
                Map.of("input", Map.of("provider", "embeds", "providerModelId", "mini-embed", "kind", "EMBEDDING",
                        "capabilities", List.of("embedding"), "contextWindow", 512,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "apache-2.0",
                        "source", "SELF_HOSTED")))).isEmpty();
        assertThat(cast.manager.addModelVersion("embeds:mini-embed", "1", "ollama://mini-embed", "0".repeat(64), 1)).isEmpty();
        assertThat(cast.manager.errors("""
                mutation($worldId: ID!, $stable: ModelRefInput!) {
                  createDeployment(useCase: EMBEDDER, worldId: $worldId, stable: $stable) { deploymentId } }""",
                Map.of("worldId", worldId, "stable", new Ref("embeds:mini-embed", "1").input()))).isEmpty();
        GraphQlClient managerApi = cast.api.as(cast.managerId, PlatformRole.MODEL_MANAGER);
        await("the embedder slot in the read model").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().untilAsserted(() -> assertThat(managerApi.document("query { deployments { id } }")
                        .retrieveSync("deployments").toEntityList(Map.class))
                        .anySatisfy(d -> assertThat(d).containsEntry("id", "embedder:world:" + worldId)));

        String bellId = admin.addLore(worldId, "The Drowned Bell", List.of("bell"),
                "A bronze bell hangs in the sunken church and rings when a storm comes.");

        await("the bell indexed by the world's embedder").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().untilAsserted(() -> {
                    Map<String, Object> source = search.get(g -> g.index(SearchIndex.LORE.indexName()).id(bellId), Map.class).source();
                    assertThat(source).containsEntry("embedder", "embeds:mini-embed@1").containsKey("embedding_8");
                });
        await("the bell found by words and by vector").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().untilAsserted(() -> {
                    List<Map> hits = adminApi.document("""
                            query($worldId: ID!) { searchLore(worldId: $worldId, text: "the storm bell", first: 3) {
                              loreEntryId reason { matchedTerms vectorSimilarity } } }""")
                            .variables(Map.of("worldId", worldId)).retrieveSync("searchLore").toEntityList(Map.class);
                    assertThat(hits).hasSize(1);
                    assertThat(hits.getFirst()).containsEntry("loreEntryId", bellId);
                    Map<?, ?> reason = (Map<?, ?>) hits.getFirst().get("reason");
                    assertThat(String.valueOf(reason.get("matchedTerms"))).contains("bell");
                    assertThat(((Number) reason.get("vectorSimilarity")).doubleValue()).isGreaterThan(0.99);
                });
        embeds.verify(postRequestedFor(urlPathEqualTo("/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("mini-embed")))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("the storm bell"))));
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        return server;
    }
}
