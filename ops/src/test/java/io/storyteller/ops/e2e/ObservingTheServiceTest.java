package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An operator watches the service: Prometheus scrapes the platform's and Axon's meters with the
 * scraper's account (nobody else may), a GraphQL mutation is one trace from the HTTP request through
 * the command handler to the event handlers, and readiness answers for the probes.
 */
@EndToEnd
class ObservingTheServiceTest {

    private static final Pattern TURNS = Pattern.compile("(?m)^storyteller_turns_total\\{[^}]*} ([0-9.E]+)$");

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    CollectedSpans spans;

    private Api api;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private PlayClient admin;
    private PlayClient player;
    private final String playerId = "observed-player-" + tag;

    @BeforeEach
    void callers() {
        api = new Api(port, minter);
        admin = new PlayClient(api.as("observing-admin-" + tag, PlatformRole.WORLD_ADMIN));
        player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
    }

    @Test
    void prometheusScrapesTheTurnCounterAndAxonsProcessorMetricsWithTheScrapersAccountOnly() {
        String storyId = playableStory();
        double before = turns(scrape(basic(TemporaryDataDir.SCRAPER, TemporaryDataDir.SCRAPER_PASSWORD)).getBody());

        player.act(storyId, "I light the lantern at the end of the pier.");

        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            String body = scrape(basic(TemporaryDataDir.SCRAPER, TemporaryDataDir.SCRAPER_PASSWORD)).getBody();
            assertThat(turns(body)).as("turns counted").isGreaterThanOrEqualTo(before + 1);
            assertThat(body).as("the turn's narration, timed or failed, labelled by deployment and arm")
                    .containsPattern("storyteller_narration_(latency_seconds_count|failures_total)\\{[^}]*arm=\"none\"[^}]*deployment=\"none\"");
            assertThat(body).as("Axon's event processor latency, per processor")
                    .containsPattern("(?m)^eventProcessor_latency\\{[^}]*processorName=\"narration\"")
                    .as("and its capacity and counts, per processor and not per payload type")
                    .containsPattern("(?m)^eventProcessor_capacity\\{[^}]*processorName=\"narration\"")
                    .containsPattern("(?m)^eventProcessor_ingestedCounter_total\\{[^}]*processorName=\"narration\"")
                    .doesNotContainPattern("(?m)^eventProcessor_[A-Za-z_]+\\{[^}]*payloadType=")
                    .as("Axon's command timings, per command").containsPattern(
                            "(?m)^commandBus_allTimer_seconds_count\\{[^}]*payloadType=\"SubmitPlayerAction\"")
                    .as("without client-side quantiles").doesNotContain("quantile=");
            assertThat(body).as("lag and dead letters per processing group")
                    .containsPattern("storyteller_processor_lag\\{[^}]*processorName=\"narration\"")
                    .containsPattern("storyteller_dead_letters\\{[^}]*processorName=\"narration\"");
            assertThat(body).as("the instances on this database and the live relay's traffic")
                    .containsPattern("(?m)^storyteller_instances_alive\\{[^}]*} [1-9]")
                    .contains("storyteller_segments_released_total", "storyteller_live_relay_sent_total",
                            "storyteller_live_relay_received_total", "storyteller_live_relay_dropped_total");
            assertThat(body).as("no story, world or player id in a label").doesNotContain(storyId, playerId);
        });

        assertThat(scrape(null).getStatusCode()).as("no credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(scrape(basic(TemporaryDataDir.SCRAPER, "wrong")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(scrape("Bearer " + api.token(playerId, PlatformRole.PLAYER)).getStatusCode())
                .as("a player's token").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scrape("Bearer " + api.token("ops-" + tag, PlatformRole.PLATFORM_ADMIN)).getStatusCode())
                .as("a platform admin's token").isEqualTo(HttpStatus.OK);
    }

    @Test
    void oneMutationIsOneTraceFromTheRequestThroughTheCommandHandlerToTheEventHandlers() {
        String storyId = playableStory();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        ResponseEntity<String> response = WebClient.create("http://localhost:" + port + "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(playerId, PlatformRole.PLAYER))
                .header("traceparent", traceparent)
                .bodyValue(Map.of("query", """
                        mutation($storyId: ID!) {
                          submitPlayerAction(storyId: $storyId, text: "I follow the trace of the tide.") { actionBeatId }
                        }""", "variables", Map.of("storyId", storyId)))
                .retrieve().toEntity(String.class).block(Api.timeout());
        assertThat(response.getBody()).contains("actionBeatId").doesNotContain("errors");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = spans.all().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
            assertThat(trace).as("the HTTP request").anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(span.getName()).containsIgnoringCase("/graphql");
            });
            // The narrator's own calls (generation, the recall's embedding) run on the ensemble's threads,
            // which do not carry the trace yet; its query-bus calls from the handler do.
            assertThat(trace).extracting(SpanData::getName).as("the command dispatched and handled, the event "
                    + "published and handled by the narration engine and the projections, the engine's routing query, "
                    + "and the narration it recorded")
                    .contains("CommandBus.dispatchCommand(SubmitPlayerAction)", "Story.handle(SubmitPlayerAction)",
                            "EventBus.publishEvent(PlayerActionSubmitted)", "NarrationEngine.on(PlayerActionSubmitted)",
                            "BeatProjection.on(PlayerActionSubmitted,Instant,ReplayStatus)",
                            "QueryBus.query(FindNarratorRoute)", "CommandBus.dispatchCommand(RecordNarration)");
        });
    }

    @Test
    void probesAnswerWithoutCredentialsAndShowOnlyTheStatus() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            ResponseEntity<String> response = get(probe, null);
            assertThat(response.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    private String playableStory() {
        String worldId = admin.createWorld("The Watched Coast " + tag);
        admin.addLore(worldId, "The Pier Lantern", List.of("lantern", "pier"),
                "A green lantern hangs at the end of the pier and is lit when boats are out.", true);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = player.startStory(worldId, "Under watch " + tag);
        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions()
                .untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        return storyId;
    }

    private ResponseEntity<String> scrape(String authorization) {
        return get("/actuator/prometheus", authorization);
    }

    private ResponseEntity<String> get(String path, String authorization) {
        return WebClient.builder().baseUrl("http://localhost:" + port + path)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build().get()
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchangeToMono(response -> response.toEntity(String.class))
                .block(Api.timeout());
    }

    private static String basic(String user, String password) {
        return "Basic " + HttpHeaders.encodeBasicAuth(user, password, null);
    }

    private static double turns(String body) {
        Matcher matcher = TURNS.matcher(body == null ? "" : body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
