package io.storyteller.ops.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One world's narrator slot served by two provider endpoints at once: the stable model on an
 * OpenAI-compatible server and the candidate of a rollout on an Anthropic server (each a local
 * WireMock, declared under {@code storyteller.providers}). Both models are found by discovery,
 * the canary is held at half the stories, and every narration names the model that wrote it.
 * Through the real GraphQL API on the embedded stack.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=500ms", "spring.ai.retry.max-attempts=1"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class MixedProviderRolloutTest {

    static final String OPENAI_KEY = "sk-test-mixed-openai-62d1f0";
    static final String ANTHROPIC_KEY = "sk-ant-test-mixed-93c2aa";
    static final WireMockServer openAi = started();
    static final WireMockServer anthropic = started();

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
        registry.add("storyteller.providers.openai.kind", () -> "openai");
        registry.add("storyteller.providers.openai.base-url", openAi::baseUrl);
        registry.add("storyteller.providers.openai.api-key", () -> OPENAI_KEY);
        registry.add("storyteller.providers.anthropic.kind", () -> "anthropic");
        registry.add("storyteller.providers.anthropic.base-url", anthropic::baseUrl);
        registry.add("storyteller.providers.anthropic.api-key", () -> ANTHROPIC_KEY);
    }

    @AfterAll
    static void stopServers() {
        openAi.stop();
        anthropic.stop();
    }

    @Test
    void aRolloutBetweenTwoProvidersSendsEachStoryToItsArmsEndpoint() {
        stubOpenAi();
        stubAnthropic();
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        RolloutClient admin = new RolloutClient(cast.api.as("mixed-admin-" + cast.tag, PlatformRole.WORLD_ADMIN));
        String worldId = admin.createWorld("Two lamps " + cast.tag);
        admin.addPlayer(worldId, cast.playerId);

        assertThat(cast.manager.errors("mutation { discoverModels { providers { provider ok } } }", Map.of())).isEmpty();
        // The registry's read model follows the discovery within moments.
        await("both discovered models").atMost(RolloutWorlds.PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(cast.manager.model("openai:gpt-test").hasVersion("gpt-test")).isTrue();
                    assertThat(cast.manager.model("anthropic:claude-test").hasVersion("claude-test")).isTrue();
                });

        Ref stable = new Ref("openai:gpt-test", "gpt-test");
        Ref candidate = new Ref("anthropic:claude-test", "claude-test");
        String deploymentId = cast.manager.createDeployment(worldId, stable);
        cast.awaitSlot(worldId, d -> stable.equals(d.stable()));
        String rolloutId = cast.manager.startRollout(deploymentId, candidate,
                RolloutClient.strategy(null, List.of(50, 100), "PT5S", 1, Map.of()), "try the other provider");
        cast.manager.pauseRollout(deploymentId, rolloutId, "hold half the stories on each provider");
        cast.awaitSlot(worldId, d -> d.runs(rolloutId) && d.rollout().paused());

        List<String> stories = new ArrayList<>(cast.startStories(worldId, 16));
        stories.addAll(cast.storiesOnBothArms(worldId, stories, rolloutId, 50, 1)); // arms are sticky per story
        RolloutPlayers.playRound(cast.player, stories, "I light the harbour lamp.", RolloutWorlds.PATIENCE.multipliedBy(2));

        List<Beat> narrations = stories.stream()
                .flatMap(id -> cast.player.beats(id).stream().filter(Beat::isNarration)).toList();
        assertThat(narrations).hasSize(stories.size()).allSatisfy(beat -> {
            assertThat(beat.provenance().deploymentId()).isEqualTo(deploymentId);
            if (beat.provenance().arm().equals("CANARY")) {
                assertThat(beat.text()).isEqualTo("The bell answers from the cliffs.");
                assertThat(beat.provenance().model()).isEqualTo("anthropic:claude-test");
                assertThat(beat.provenance().modelVersion()).isEqualTo("claude-test");
            } else {
                assertThat(beat.provenance().arm()).isEqualTo("STABLE");
                assertThat(beat.text()).isEqualTo("The lamp catches and the quay turns gold.");
                assertThat(beat.provenance().model()).isEqualTo("openai:gpt-test");
                assertThat(beat.provenance().modelVersion()).isEqualTo("gpt-test");
            }
        });
        assertThat(narrations).extracting(beat -> beat.provenance().arm()).contains("STABLE", "CANARY");
        openAi.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test"))));
        anthropic.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-test"))));
        cast.manager.abortRollout(deploymentId, rolloutId, "seen both");
    }

    private static void stubOpenAi() {
        openAi.stubFor(get("/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"gpt-test","object":"model","owned_by":"test"}]}""")));
        openAi.stubFor(post("/v1/chat/completions").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody("""
                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test-2025-01-01","choices":[{"index":0,"delta":{"role":"assistant","content":"The lamp catches and the quay turns gold."},"finish_reason":"stop"}]}

                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test-2025-01-01","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":9,"total_tokens":49}}

                        data: [DONE]

                        """)));
    }

    private static void stubAnthropic() {
        anthropic.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson("""
                {"data":[{"type":"model","id":"claude-test","display_name":"Claude Test"}],"has_more":false,
                 "first_id":"claude-test","last_id":"claude-test"}""")));
        anthropic.stubFor(post("/v1/messages").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody("""
                        event: message_start
                        data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-test-20250101","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":1}}}

                        event: content_block_start
                        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                        event: content_block_delta
                        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The bell answers from the cliffs."}}

                        event: content_block_stop
                        data: {"type":"content_block_stop","index":0}

                        event: message_delta
                        data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":8}}

                        event: message_stop
                        data: {"type":"message_stop"}

                        """)));
    }

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        return server;
    }
}
