package io.storyteller.ops.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.cli.StorytellerCommand;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * The platform heals itself, through the real GraphQL API on the embedded stack: a rollout's
 * candidate whose provider goes down (its local OpenAI-compatible server stopped) gives way to the
 * stable arm, the narration's provenance showing the failed candidate and the failover; a dead
 * letter made by a real database refusal is retried by the healer on its own once the cause is gone,
 * and one whose cause stays is given up after the cap. Each is a healing action an admin reads
 * through {@code healingActions}, the CLI and the meter. Its own application: the backoffs are short.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=500ms", "spring.ai.retry.max-attempts=1",
                "storyteller.healing.dead-letters.initial-backoff=1s", "storyteller.healing.dead-letters.max-backoff=2s",
                "storyteller.healing.dead-letters.max-attempts=3", "storyteller.healing.dead-letters.check-every=500ms"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class SelfHealingTest {

    static final String STABLE_TEXT = "The lamp steadies and the harbour holds.";
    static final WireMockServer steady = started();
    static final WireMockServer shaky = started();

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Value("${storyteller.data-dir}")
    Path dataDir;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("storyteller.providers.steady.kind", () -> "openai");
        registry.add("storyteller.providers.steady.base-url", steady::baseUrl);
        registry.add("storyteller.providers.steady.self-hosted", () -> "true");
        registry.add("storyteller.providers.shaky.kind", () -> "openai");
        registry.add("storyteller.providers.shaky.base-url", shaky::baseUrl);
        registry.add("storyteller.providers.shaky.self-hosted", () -> "true");
    }

    @AfterAll
    static void stopServers() {
        steady.stop();
        shaky.stop();
    }

    @Test
    void aCandidateWhoseProviderIsDownGivesWayToTheStableArmAndTheFailoverIsRecorded() throws Exception {
        serve(steady, "gpt-steady", STABLE_TEXT);
        serve(shaky, "gpt-shaky", "The candidate speaks.");
        RolloutFixture cast = new RolloutFixture(port, minter, dataDir, eventStore);
        RolloutClient admin = new RolloutClient(cast.api.as("heal-admin-" + cast.tag, PlatformRole.WORLD_ADMIN));
        String worldId = admin.createWorld("Failing lamps " + cast.tag);
        admin.addPlayer(worldId, cast.playerId);
        assertThat(cast.manager.errors("mutation { discoverModels { providers { provider ok } } }", Map.of())).isEmpty();
        await("both discovered models").atMost(RolloutWorlds.PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(cast.manager.model("steady:gpt-steady").hasVersion("gpt-steady")).isTrue();
                    assertThat(cast.manager.model("shaky:gpt-shaky").hasVersion("gpt-shaky")).isTrue();
                });
        Ref stable = new Ref("steady:gpt-steady", "gpt-steady");
        String deploymentId = cast.manager.createDeployment(worldId, stable);
        cast.awaitSlot(worldId, d -> stable.equals(d.stable()));
        String rolloutId = cast.manager.startRollout(deploymentId, new Ref("shaky:gpt-shaky", "gpt-shaky"),
                RolloutClient.strategy(null, List.of(100), "PT30S", 1, Map.of()), "every story on the candidate");
        cast.manager.pauseRollout(deploymentId, rolloutId, "hold every story on the candidate");
        cast.awaitSlot(worldId, d -> d.runs(rolloutId) && d.rollout().paused());

        shaky.stop(); // the candidate's provider is down: its connections are refused
        List<String> stories = cast.startStories(worldId, 2);
        RolloutPlayers.playRound(cast.player, stories, "I light the harbour lamp.", RolloutWorlds.PATIENCE.multipliedBy(2));

        Ops reader = new Ops(cast.api.as("heal-ops-" + cast.tag, PlatformRole.PLATFORM_ADMIN));
        for (String storyId : stories) {
            Map<String, Object> story = reader.one("""
                    query($s: ID!) { story(id: $s) { beats(first: 20) { edges { node { kind text provenance {
                      deploymentId arm rolloutId model selection candidates { index arm model failure outcome } } } } } } }""",
                    Map.of("s", storyId), "story");
            Map<String, Object> narration = Ops.maps(Ops.map(story.get("beats")).get("edges")).stream()
                    .map(edge -> Ops.map(edge.get("node"))).filter(node -> "NARRATION".equals(node.get("kind")))
                    .findFirst().orElseThrow();
            assertThat(narration.get("text")).isEqualTo(STABLE_TEXT);
            Map<String, Object> provenance = Ops.map(narration.get("provenance"));
            assertThat(provenance).containsEntry("deploymentId", deploymentId).containsEntry("arm", "STABLE")
                    .containsEntry("rolloutId", rolloutId).containsEntry("model", "steady:gpt-steady");
            assertThat((String) provenance.get("selection")).startsWith("failover: narrator deployment " + deploymentId + " CANARY arm")
                    .contains("could not reach the provider");
            List<Map<String, Object>> candidates = Ops.maps(provenance.get("candidates"));
            assertThat(candidates.getFirst()).containsEntry("arm", "CANARY").containsEntry("model", "shaky:gpt-shaky")
                    .containsEntry("failure", "could not reach the provider").containsEntry("outcome", "FAILED");
            assertThat(candidates).anySatisfy(c -> assertThat(c).containsEntry("arm", "STABLE").containsEntry("outcome", "CHOSEN"));
        }

        await("the failover's record").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(healing(reader, "FAILOVER")).anySatisfy(action -> assertThat(action)
                        .containsEntry("outcome", "HEALED")
                        .satisfies(a -> assertThat((String) a.get("subject")).contains(deploymentId).contains("CANARY"))
                        .satisfies(a -> assertThat((String) a.get("detail")).contains("STABLE arm"))));
        await("the failover meter").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(counted("failover", "healed"))
                .isGreaterThanOrEqualTo(1.0));
        assertThat(cliLog(cast.api, "FAILOVER")).contains("FAILOVER").contains("HEALED").contains(deploymentId);
        assertThat(healing(new Ops(cast.api.as("heal-player-" + cast.tag, PlatformRole.PLAYER)), null))
                .as("a player reads no healing actions").isEmpty();
    }

    @Test
    void aDeadLetterIsRetriedByTheHealerOnceItsCauseIsGoneAndOneThatKeepsFailingIsGivenUp() {
        Api api = new Api(port, minter);
        String tag = Long.toHexString(System.nanoTime());
        Ops admin = new Ops(api.as("heal-admin-" + tag, PlatformRole.PLATFORM_ADMIN));
        String healed = "heal-dl-" + tag;
        String doomed = "doom-dl-" + tag;
        // The worlds projection's insert fails for these names, as a real handler meets a real database refusal.
        jdbc.execute("ALTER TABLE worlds ADD CONSTRAINT heal_passing_" + tag + " CHECK (name NOT LIKE 'Passing " + tag + "%')");
        jdbc.execute("ALTER TABLE worlds ADD CONSTRAINT heal_lasting_" + tag + " CHECK (name NOT LIKE 'Lasting " + tag + "%')");
        try {
            eventStore.publish(world(healed, "Passing " + tag), world(doomed, "Lasting " + tag));
            await("both parked").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.list(
                            "{ deadLetters(processingGroup: \"worlds\", first: 500) { sequence } }", Map.of(), "deadLetters").stream()
                    .map(l -> l.get("sequence")).toList(), sequences -> sequences.containsAll(List.of(healed, doomed)));
            jdbc.execute("ALTER TABLE worlds DROP CONSTRAINT heal_passing_" + tag);

            // Nobody retries: the healer does, once the letter's backoff has passed.
            await("the healed world").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM worlds WHERE world_id = ?", Long.class, healed) == 1);
            await("the retry's record").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(healing(admin, "DEAD_LETTER_RETRY")).anySatisfy(a -> assertThat(a)
                            .containsEntry("subject", "worlds sequence " + healed).containsEntry("outcome", "HEALED")));

            await("the doomed sequence given up").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(healing(admin, "DEAD_LETTER_GIVEN_UP")).filteredOn(a -> a.get("subject").equals("worlds sequence " + doomed))
                            .singleElement().satisfies(a -> assertThat(a).containsEntry("outcome", "GAVE_UP")));
            // the log's records are projected by aggregate, so the retries' may follow the giving up's
            await("the failed retries' records").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(doomedRetries(admin, doomed)).as("three failed retries, then no more").hasSize(3)
                            .allSatisfy(a -> assertThat(a).containsEntry("outcome", "FAILED")));
            List<Map<String, Object>> retries = doomedRetries(admin, doomed);
            assertThat(admin.one("query($s: String!) { deadLetter(processingGroup: \"worlds\", sequence: $s) { diagnostics } }",
                    Map.of("s", doomed), "deadLetter").get("diagnostics").toString()).contains("retries").contains("3");

            long before = retries.size();
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(healing(admin, null).stream().filter(a -> ((String) a.get("subject")).endsWith(doomed)))
                    .as("given up: neither retried nor recorded again").hasSize((int) before + 1);
            assertThat(counted("dead_letter_retry", "healed")).isGreaterThanOrEqualTo(1.0);
        } finally {
            jdbc.execute("ALTER TABLE worlds DROP CONSTRAINT IF EXISTS heal_passing_" + tag);
            jdbc.execute("ALTER TABLE worlds DROP CONSTRAINT IF EXISTS heal_lasting_" + tag);
        }
    }

    private static List<Map<String, Object>> doomedRetries(Ops admin, String doomed) {
        return healing(admin, "DEAD_LETTER_RETRY").stream().filter(a -> a.get("subject").equals("worlds sequence " + doomed)).toList();
    }

    private static List<Map<String, Object>> healing(Ops caller, String kind) {
        return caller.list("query($k: HealingKind) { healingActions(first: 200, kind: $k) { cursor kind subject detail outcome "
                + "occurrences at } }", kind == null ? Map.of() : Map.of("k", kind), "healingActions");
    }

    private double counted(String kind, String outcome) {
        Counter counter = meters.find("storyteller.healing.actions").tags("kind", kind, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String cliLog(Api api, String kind) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new StorytellerCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("healing-log", "--server", "http://localhost:" + port, "--token",
                api.token("heal-cli-admin", PlatformRole.PLATFORM_ADMIN), "--kind", kind);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    private static GenericDomainEventMessage<WorldCreated> world(String worldId, String name) {
        return new GenericDomainEventMessage<>("World", worldId, 0, new WorldCreated(worldId,
                new WorldSettings(name, "A premise.", "fantasy", "grim", ContentRating.TEEN, ""), "ada"));
    }

    private static void serve(WireMockServer server, String model, String text) {
        server.stubFor(get("/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"%s","object":"model","owned_by":"test"}]}""".formatted(model))));
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody("""
                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%1$s","choices":[{"index":0,"delta":{"role":"assistant","content":"%2$s"},"finish_reason":"stop"}]}

                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%1$s","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":9,"total_tokens":49}}

                        data: [DONE]

                        """.formatted(model, text))));
    }

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
        server.start();
        return server;
    }
}
