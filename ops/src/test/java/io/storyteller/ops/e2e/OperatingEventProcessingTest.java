package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.cli.StorytellerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.ResponseError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import picocli.CommandLine;

/**
 * Operating event processing as a platform admin through the GraphQL API (and the CLI): processors
 * listed with their lag, a reset that replays with its progress reported until it has caught up and
 * rebuilds the read model row for row, dead letters made by a real failure inspected, retried once
 * the cause is gone and evicted, segments split and merged, the event log paged through, and every
 * such action in the operator log. Nobody else sees or does any of it; bad input names its field.
 */
@EndToEnd
class OperatingEventProcessingTest {

    private static final String PROCESSORS = "{ eventProcessors { " + Ops.PROCESSOR + " } }";
    private static final String PROCESSOR = "query($n: String!) { eventProcessor(name: $n) { " + Ops.PROCESSOR + " } }";
    private static final String RESET = "mutation($n: String!, $f: DateTime) { resetProcessor(name: $n, from: $f) { name from headAtReset } }";
    private static final List<String> WORLD_TABLES = List.of("worlds", "world_members", "lore_entries", "house_model_versions");

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.config.Configuration axon;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private Ops admin;
    private Ops player;

    private void connect() {
        Api api = new Api(port, minter);
        admin = new Ops(api.as("ops-admin-" + tag, PlatformRole.PLATFORM_ADMIN));
        player = new Ops(api.as("ops-player-" + tag, PlatformRole.PLAYER));
    }

    @Test
    void aResetReplaysAProcessorWithProgressUntilItCaughtUpAndRebuildsItsReadModelTheSame() {
        connect();
        PlayClient worldAdmin = new PlayClient(new Api(port, minter).as("ops-world-admin-" + tag, PlatformRole.WORLD_ADMIN));
        String world = worldAdmin.createWorld("Replayed Reach " + tag);
        worldAdmin.addLore(world, "The Reach", List.of("reach"), "The reach floods at every full moon.", true);
        worldAdmin.addMember(world, "ops-member-" + tag, "PLAYER");

        List<Map<String, Object>> listed = admin.list(PROCESSORS, Map.of(), "eventProcessors");
        assertThat(listed).extracting(p -> p.get("name")).contains("worlds", "stories");
        Map<String, Object> worlds = listed.stream().filter(p -> "worlds".equals(p.get("name"))).findFirst().orElseThrow();
        assertThat(worlds).containsEntry("supportsReset", true).containsKey("lag");
        assertThat(((Number) worlds.get("lag")).longValue()).isBetween(0L, ((Number) worlds.get("head")).longValue() + 1);
        assertThat((List<?>) worlds.get("segments")).isNotEmpty();
        assertThat(player.list(PROCESSORS, Map.of(), "eventProcessors")).as("a player sees no processors").isEmpty();

        ReplayReadModels readModels = new ReplayReadModels(new NamedParameterJdbcTemplate(jdbc), axon.eventProcessingConfiguration(),
                eventStore, List.of("worlds"), WORLD_TABLES);
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReplayReadModels.Settled before = readModels.settled();
            long worldEvents = worldEvents();
            assertThat(before.rows("worlds")).extracting(row -> row.get("world_id")).contains(world);
            jdbc.update("UPDATE worlds SET name = 'damaged' WHERE world_id = ?", world);

            Map<String, Object> reset = admin.one(RESET, Map.of("n", "worlds"), "resetProcessor");
            long target = ((Number) reset.get("headAtReset")).longValue();
            List<Map<String, Object>> seen = followReplay("worlds", target);

            // Replaying from the reset until the processor handles an event newer than it (here: the operator's record).
            // This log replays in milliseconds, so a poll may or may not catch the replay in flight (the tokens'
            // replay state and share are specified by TokenClaimsTest and ReplayShareTest); what it shows is consistent.
            assertThat(seen).as("observed during and after the replay").allSatisfy(p -> {
                if (Boolean.TRUE.equals(p.get("replaying"))) {
                    assertThat(((Number) p.get("replayProgress")).doubleValue()).isBetween(0.0, 1.0);
                } else {
                    assertThat(p).containsEntry("replayProgress", null);
                }
            });
            assertThat(seen).extracting(p -> ((Number) p.get("position")).longValue()).isSorted();
            assertThat(seen.stream().map(p -> (Number) p.get("replayProgress")).filter(Objects::nonNull)
                    .map(Number::doubleValue).toList()).isSorted();

            ReplayReadModels.Settled after = readModels.settled();
            // The log moves on by the reset's own record; only another world's change makes a comparison moot.
            if (worldEvents() == worldEvents) {
                // This test's worlds: other tests in the shared application park or evict events, whose rows a replay
                // rightly makes or drops.
                WORLD_TABLES.forEach(table -> assertThat(ofWorld(after.rows(table), world)).as(table)
                        .containsExactlyElementsOf(ofWorld(before.rows(table), world)));
                assertThat(ofWorld(after.rows("worlds"), world)).singleElement()
                        .satisfies(row -> assertThat(row.get("name")).isEqualTo("Replayed Reach " + tag));
                assertThat(ofWorld(after.rows("lore_entries"), world)).hasSize(1);
                assertThat(ofWorld(after.rows("world_members"), world)).hasSize(2);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.actions()).anySatisfy(action -> assertThat(action)
                        .containsEntry("action", "resetProcessor").containsEntry("target", "worlds")
                        .containsEntry("operatorId", "ops-admin-" + tag).containsEntry("succeeded", true)));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness()).isEqualTo(200));
                return;
            }
        }
        fail("worlds changed during each replay");
    }

    private static List<Map<String, Object>> ofWorld(List<Map<String, Object>> rows, String world) {
        return rows.stream().filter(row -> world.equals(row.get("world_id"))).toList();
    }

    private long worldEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type = 'World'", Long.class);
    }

    @Test
    void resetsAreRefusedForSagasUnknownNamesFutureTimesAndNonAdmins() {
        connect();
        String saga = admin.list(PROCESSORS, Map.of(), "eventProcessors").stream()
                .filter(p -> Boolean.FALSE.equals(p.get("supportsReset"))).map(p -> (String) p.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError("a saga's processor, which cannot reset"));
        ResponseError refused = admin.error(RESET, Map.of("n", saga));
        assertThat(refused.getErrorType().toString()).isEqualTo("CONFLICT");
        assertThat(refused.getMessage()).contains(saga);
        assertThat(refused.getExtensions()).containsEntry("field", "name").containsEntry("rule", "supports-reset");

        Ops.assertRejected(admin.error(RESET, Map.of("n", "no-such-processor")), "NOT_FOUND", "name");
        Ops.assertRejected(admin.error(PROCESSOR, Map.of("n", "no-such-processor")), "NOT_FOUND", "name");
        Ops.assertRejected(admin.error(RESET, Map.of("n", "worlds", "f", Instant.now().plus(Duration.ofDays(1)).toString())),
                "BAD_REQUEST", "from");
        Ops.assertRejected(player.error(RESET, Map.of("n", "worlds")), "FORBIDDEN", "actor");
        Ops.assertRejected(player.error("mutation { splitSegment(name: \"worlds\", segmentId: 0) { succeeded } }", Map.of()),
                "FORBIDDEN", "actor");
    }

    @Test
    void aSegmentIsSplitAndMergedBack() {
        connect();
        String split = "mutation { splitSegment(name: \"worlds\", segmentId: 0) { succeeded segments { segmentId mask } } }";
        String merge = "mutation($s: Int!) { mergeSegment(name: \"worlds\", segmentId: $s) { succeeded segments { segmentId mask } } }";
        int segmentsBefore = ((List<?>) admin.one(PROCESSOR, Map.of("n", "worlds"), "eventProcessor").get("segments")).size();

        Map<String, Object> splitResult = admin.one(split, Map.of(), "splitSegment");
        assertThat(splitResult).containsEntry("succeeded", true);
        assertThat((List<?>) splitResult.get("segments")).hasSize(segmentsBefore + 1);

        Map<String, Object> merged = admin.one(merge, Map.of("s", 0), "mergeSegment");
        assertThat(merged).containsEntry("succeeded", true);
        assertThat((List<?>) merged.get("segments")).hasSize(segmentsBefore);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(admin.actions()).extracting(a -> a.get("action")).contains("splitSegment", "mergeSegment"));
        Ops.assertRejected(admin.error(merge, Map.of("s", 99)), "NOT_FOUND", "segmentId");
    }

    @Test
    void aDeadLetterIsInspectedRetriedOnceItsCauseIsGoneAndAnotherEvicted() {
        connect();
        String retried = "ops-dl-retried-" + tag;
        String evicted = "ops-dl-evicted-" + tag;
        String detail = """
                query($g: String!, $s: String!) { deadLetter(processingGroup: $g, sequence: $s) { letter { sequence index eventType }
                  eventType aggregateType aggregateId aggregateSequence payload metadata causeType causeMessage diagnostics } }""";
        // The worlds projection's insert fails for these names, as a real handler meets a real database refusal.
        jdbc.execute("ALTER TABLE worlds ADD CONSTRAINT ops_test_doomed_" + tag + " CHECK (name NOT LIKE 'Doomed " + tag + "%')");
        try {
            eventStore.publish(world(retried, "Doomed " + tag + " Retried"), world(evicted, "Doomed " + tag + " Evicted"));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.list(
                            "{ deadLetters(processingGroup: \"worlds\", first: 500) { sequence } }", Map.of(), "deadLetters").stream()
                    .map(l -> l.get("sequence")).toList(), sequences -> sequences.containsAll(List.of(retried, evicted)));
        } finally {
            jdbc.execute("ALTER TABLE worlds DROP CONSTRAINT ops_test_doomed_" + tag);
        }

        Map<String, Object> letter = admin.one(detail, Map.of("g", "worlds", "s", retried), "deadLetter");
        assertThat(letter).containsEntry("eventType", WorldCreated.class.getName()).containsEntry("aggregateType", "World")
                .containsEntry("aggregateId", retried);
        assertThat((String) letter.get("payload")).contains("Doomed " + tag + " Retried");
        assertThat((String) letter.get("causeType")).isNotBlank();
        assertThat((String) letter.get("causeMessage")).isNotBlank();
        assertThat(player.one(detail, Map.of("g", "worlds", "s", retried), "deadLetter")).as("hidden from a player").isNull();

        Map<String, Object> retry = admin.one("mutation($s: String) { retryDeadLetters(processingGroup: \"worlds\", sequence: $s) "
                + "{ sequencesTried sequencesCleared } }", Map.of("s", retried), "retryDeadLetters");
        assertThat(retry).containsEntry("sequencesTried", 1).containsEntry("sequencesCleared", 1);
        assertThat(jdbc.queryForObject("SELECT name FROM worlds WHERE world_id = ?", String.class, retried))
                .isEqualTo("Doomed " + tag + " Retried");

        Map<String, Object> eviction = admin.one("mutation($s: String!) { evictDeadLetters(processingGroup: \"worlds\", sequence: $s) "
                + "{ lettersEvicted } }", Map.of("s", evicted), "evictDeadLetters");
        assertThat(eviction).containsEntry("lettersEvicted", 1);
        assertThat(admin.list("{ deadLetters(processingGroup: \"worlds\", first: 500) { sequence } }", Map.of(), "deadLetters"))
                .extracting(l -> l.get("sequence")).doesNotContain(retried, evicted);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM worlds WHERE world_id = ?", Long.class, evicted)).isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.actions())
                .anySatisfy(a -> assertThat(a).containsEntry("action", "retryDeadLetters")
                        .containsEntry("target", "worlds sequence " + retried).containsEntry("succeeded", true))
                .anySatisfy(a -> assertThat(a).containsEntry("action", "evictDeadLetters")
                        .containsEntry("target", "worlds sequence " + evicted)));
        Ops.assertRejected(admin.error(detail, Map.of("g", "worlds", "s", "no-such-sequence")), "NOT_FOUND", "sequence");
        Ops.assertRejected(admin.error("mutation { evictDeadLetters(processingGroup: \"worlds\", sequence: \"nope\") { lettersEvicted } }",
                Map.of()), "NOT_FOUND", "sequence");
    }

    @Test
    void theAuditExplorerPagesThroughAStorysEventsAndTheCliReadsTheOperatorLog() {
        connect();
        Api api = new Api(port, minter);
        String playerId = "ops-reader-" + tag;
        PlayClient worldAdmin = new PlayClient(api.as("ops-world-admin-" + tag, PlatformRole.WORLD_ADMIN));
        PlayClient reader = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String world = worldAdmin.createWorld("Audited Reach " + tag);
        worldAdmin.addMember(world, playerId, "PLAYER");
        String story = reader.startStory(world, "Audited " + tag);
        reader.setAuthorsNote(story, "Quietly.");
        reader.setPinnedMemory(story, "The tide lies.");
        List<Long> stored = jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? ORDER BY globalindex", Long.class, story);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);

        String page = """
                query($f: EventLogFilter, $n: Int!, $a: String, $o: EventLogOrder!) { eventLog(filter: $f, first: $n, after: $a, order: $o) {
                  edges { cursor node { globalIndex aggregateId aggregateType aggregateSequence eventType payloadType timestamp payload } }
                  pageInfo { hasNextPage endCursor } } }""";
        List<Long> oldestFirst = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("f", Map.of("aggregateId", story), "n", 2, "o", "OLDEST_FIRST"));
            variables.put("a", after);
            Map<String, Object> connection = admin.one(page, variables, "eventLog");
            List<Map<String, Object>> edges = Ops.maps(connection.get("edges"));
            edges.forEach(edge -> oldestFirst.add(((Number) Ops.map(edge.get("node")).get("globalIndex")).longValue()));
            Map<String, Object> info = Ops.map(connection.get("pageInfo"));
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (after != null);
        assertThat(oldestFirst).containsExactlyElementsOf(stored);

        Map<String, Object> newest = admin.one(page, Map.of("f", Map.of("aggregateId", story, "eventType", "StoryStarted"),
                "n", 10, "o", "NEWEST_FIRST"), "eventLog");
        Map<String, Object> started = Ops.map(Ops.maps(newest.get("edges")).getFirst().get("node"));
        assertThat(started).containsEntry("aggregateType", "Story").containsEntry("eventType", "StoryStarted")
                .containsEntry("aggregateSequence", 0);
        assertThat((String) started.get("payload")).contains("Audited " + tag);
        Map<String, Object> byTime = admin.one(page, Map.of("f", Map.of("aggregateId", story, "from", started.get("timestamp"),
                "to", Instant.now().plusSeconds(60).toString()), "n", 50, "o", "NEWEST_FIRST"), "eventLog");
        assertThat(Ops.maps(byTime.get("edges"))).hasSize(stored.size());
        assertThat(Ops.maps(player.one(page, Map.of("f", Map.of("aggregateId", story), "n", 5, "o", "NEWEST_FIRST"), "eventLog")
                .get("edges"))).as("a player reads no payloads").isEmpty();
        Ops.assertRejected(admin.error(page, Map.of("n", 5, "a", "not-a-cursor", "o", "NEWEST_FIRST")), "BAD_REQUEST", "after");
        Ops.assertRejected(admin.error(page, Map.of("n", 0, "o", "NEWEST_FIRST")), "BAD_REQUEST", "first");

        // The CLI reads the same server: the operator log holds the retry of the stories' dead letters done here.
        admin.one("mutation { retryDeadLetters(processingGroup: \"stories\") { sequencesTried } }", Map.of(), "retryDeadLetters");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new StorytellerCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("operator-log", "--server", "http://localhost:" + port, "--token",
                api.token("ops-admin-" + tag, PlatformRole.PLATFORM_ADMIN), "--first", "5");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("retryDeadLetters").contains("stories").contains("ops-admin-" + tag);

        StringWriter listed = new StringWriter();
        cli.setOut(new PrintWriter(listed));
        assertThat(cli.execute("processors", "list", "--server", "http://localhost:" + port, "--token",
                api.token("ops-admin-" + tag, PlatformRole.PLATFORM_ADMIN))).isZero();
        assertThat(listed.toString()).contains("PROCESSOR").containsPattern("(?m)^worlds\\s+running\\s+\\d+\\s+\\d+");
    }

    private List<Map<String, Object>> followReplay(String name, long target) {
        List<Map<String, Object>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Map<String, Object> processor = admin.one(PROCESSOR, Map.of("n", name), "eventProcessor");
            seen.add(processor);
            return ((Number) processor.get("position")).longValue() >= target;
        });
        return seen;
    }

    private int readiness() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static GenericDomainEventMessage<WorldCreated> world(String worldId, String name) {
        return new GenericDomainEventMessage<>("World", worldId, 0, new WorldCreated(worldId,
                new WorldSettings(name, "A premise.", "fantasy", "grim", ContentRating.TEEN, ""), "ada"));
    }
}
