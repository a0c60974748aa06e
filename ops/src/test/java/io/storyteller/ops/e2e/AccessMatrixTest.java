package io.storyteller.ops.e2e;

import static io.storyteller.ops.e2e.AccessCaller.ANONYMOUS;
import static io.storyteller.ops.e2e.AccessCaller.FOREIGN_WORLD_ADMIN;
import static io.storyteller.ops.e2e.AccessCaller.PLATFORM_ADMIN;
import static io.storyteller.ops.e2e.AccessCaller.STORY_OWNER;
import static io.storyteller.ops.e2e.AccessCaller.WORLD_ADMIN;
import static io.storyteller.ops.e2e.AccessCaller.WORLD_OWNER;
import static io.storyteller.ops.e2e.AccessCaller.WORLD_PLAYER;
import static io.storyteller.ops.e2e.AccessMutation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.healing.RecordHealingAction;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.AccessFixture.Level;
import io.storyteller.ops.e2e.AccessHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Who may do what, through the real GraphQL endpoint: every mutation and every read, by every kind
 * of caller. Players act only in their own stories and see only the worlds they belong to; world
 * admins manage their world and may read its stories but do not act in them; platform admins manage
 * everything but take part in no story. A caller the rules admit changes what they address (on a
 * fixture of their own); any other caller is turned away, with the rule named, and leaves nothing
 * in the event log (on one shared fixture, which denials cannot change).
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Who manage a world: its owner and admins, and platform admins. */
    private static final Set<AccessCaller> MANAGERS = EnumSet.of(WORLD_ADMIN, WORLD_OWNER, PLATFORM_ADMIN);

    /** Who may call each mutation; any other caller with a token is FORBIDDEN by the rule named. */
    private static final List<Rule> WHO_MAY = List.of(
            new Rule(CREATE_WORLD, "role:world-admin", EnumSet.of(WORLD_ADMIN, WORLD_OWNER, FOREIGN_WORLD_ADMIN, PLATFORM_ADMIN)),
            new Rule(CHANGE_WORLD_SETTINGS, "role:world-admin", MANAGERS),
            new Rule(SET_NARRATION_POLICY, "role:world-admin", MANAGERS),
            new Rule(ADD_LORE_ENTRY, "role:world-admin", MANAGERS),
            new Rule(REVISE_LORE_ENTRY, "role:world-admin", MANAGERS),
            new Rule(RETIRE_LORE_ENTRY, "role:world-admin", MANAGERS),
            new Rule(ADD_WORLD_MEMBER, "role:world-admin", MANAGERS),
            new Rule(CHANGE_WORLD_MEMBER_ROLE, "role:world-admin", MANAGERS),
            new Rule(REMOVE_WORLD_MEMBER, "role:world-admin", MANAGERS),
            new Rule(ARCHIVE_WORLD, "role:owner", EnumSet.of(WORLD_OWNER, PLATFORM_ADMIN)),
            // a world's owner and admins may put or lower its limit (rule lower-only beyond that); only platform admins lift it
            new Rule(SET_WORLD_BUDGET, "role:world-admin", MANAGERS),
            new Rule(CLEAR_WORLD_BUDGET, "role:platform-admin", EnumSet.of(PLATFORM_ADMIN)),
            new Rule(SET_GLOBAL_BUDGET, "role:platform-admin", EnumSet.of(PLATFORM_ADMIN)),
            new Rule(CLEAR_GLOBAL_BUDGET, "role:platform-admin", EnumSet.of(PLATFORM_ADMIN)),
            new Rule(START_STORY, "world-member", AccessCaller.WORLD_MEMBERS),
            new Rule(INVITE_PARTICIPANT, "story-owner", EnumSet.of(STORY_OWNER, PLATFORM_ADMIN)),
            new Rule(SUBMIT_PLAYER_ACTION, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(RETRY_NARRATION, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(SELECT_NARRATION_ALTERNATIVE, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(EDIT_BEAT, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(ERASE_BEATS, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(RATE_BEAT, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(FLAG_BEAT, "role:world-admin", MANAGERS),
            new Rule(SET_AUTHORS_NOTE, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(SET_PINNED_MEMORY, "story-participant", EnumSet.of(STORY_OWNER)),
            new Rule(PIN_STORY_FACT, "story-participant-or-world-admin", EnumSet.of(STORY_OWNER, WORLD_ADMIN, WORLD_OWNER, PLATFORM_ADMIN)),
            new Rule(CORRECT_STORY_FACT, "story-participant-or-world-admin", EnumSet.of(STORY_OWNER, WORLD_ADMIN, WORLD_OWNER, PLATFORM_ADMIN)),
            new Rule(END_STORY, "story-owner", EnumSet.of(STORY_OWNER, PLATFORM_ADMIN)));

    /** A world and its lore are seen by its members and platform admins. */
    private static final Set<AccessCaller> WORLD_READERS =
            EnumSet.of(WORLD_PLAYER, STORY_OWNER, WORLD_ADMIN, WORLD_OWNER, PLATFORM_ADMIN);

    /** A story, its beats and its events are seen by its participants, its world's owner and admins, and platform admins. */
    private static final Set<AccessCaller> STORY_READERS = EnumSet.of(STORY_OWNER, WORLD_ADMIN, WORLD_OWNER, PLATFORM_ADMIN);

    /** Who sees what each read asks for; anyone else with a token gets what a missing world or story would give. */
    private static final Map<AccessRead, Set<AccessCaller>> WHO_SEES = Map.of(
            AccessRead.WORLD, WORLD_READERS,
            AccessRead.LORE_ENTRIES, WORLD_READERS,
            AccessRead.STORIES, STORY_READERS,
            AccessRead.STORY_WITH_BEATS, STORY_READERS);

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    private Api api;
    private AccessHttp http;
    private AccessEventLog eventLog;
    /** The world and story that denied calls and reads address; denials cannot change it. */
    private AccessFixture shared;

    @BeforeAll
    void shareOneFixture() {
        api = new Api(port, minter);
        http = new AccessHttp(port);
        eventLog = new AccessEventLog(jdbc);
        shared = AccessFixture.create(api, http, Level.NARRATED).settled();
    }

    /** Model management has its own rules (platform admins and the meta-manager only): MetaManagerAccessTest. */
    static final Set<String> MODEL_MANAGEMENT = Set.of("registerModel", "addModelVersion", "recordModelEvaluation",
            "deriveModelVariant", "retireModel", "createDeployment", "replaceStableModel", "startRollout",
            "pauseRollout", "resumeRollout", "promoteRollout", "abortRollout", "discoverModels",
            "pullOllamaModel", "deleteOllamaModel", "copyModel");
    /**
     * Operating the platform: platform admins only, specified by DeadLettersTest, OperatingEventProcessingTest, SearchingLoreAndStoriesTest,
     * AcquiringFromTheHubTest, ExportingACorpusTest, ValidatingACandidateTest and RequestingAFineTuningEndToEndTest.
     */
    static final Set<String> OPERATIONS = Set.of("retryDeadLetters", "evictDeadLetters", "resetProcessor", "splitSegment",
            "mergeSegment", "rebuildSearchIndexes", "acquireHubModel", "exportCorpus",
            "validateCandidate", "defineEvaluationSuite", "reviseEvaluationSuite", "requestFineTuning", "cancelFineTuning");

    @Test
    void theTableCoversEveryWorldAndStoryMutationOfTheSchema() {
        Reply schema = shared.must(PLATFORM_ADMIN, "{ __schema { mutationType { fields { name } } } }", Map.of());

        assertThat(schema.<List<String>>read("$.data.__schema.mutationType.fields[*].name").stream()
                .filter(name -> !MODEL_MANAGEMENT.contains(name) && !OPERATIONS.contains(name)).toList())
                .containsExactlyInAnyOrderElementsOf(WHO_MAY.stream().map(rule -> rule.mutation().toString()).toList());
        assertThat(WHO_MAY).extracting(Rule::mutation).containsExactlyInAnyOrder(AccessMutation.values());
    }

    /** Without this, "nothing is recorded" below could hold only because the event log was misread. */
    @Test
    void theEventLogShowsWhatAnAdmittedCallRecords() {
        long storyEvents = eventLog.recordedFor(shared.storyId);
        long namingTheNewWorld = eventLog.mentioning("Made in " + shared.tag);

        assertThat(SET_AUTHORS_NOTE.call(shared, STORY_OWNER).errors()).isEmpty();
        assertThat(CREATE_WORLD.call(shared, PLATFORM_ADMIN).errors()).isEmpty();

        assertThat(eventLog.recordedFor(shared.storyId)).isEqualTo(storyEvents + 1);
        assertThat(eventLog.mentioning("Made in " + shared.tag)).isEqualTo(namingTheNewWorld + 1);
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("admittedCalls")
    void aCallerTheRulesAdmitChangesWhatTheyAddress(AccessMutation mutation, AccessCaller caller) {
        AccessFixture own = AccessFixture.create(api, http, mutation.level());

        Reply reply = mutation.call(own, caller);

        assertThat(reply.errors()).as(reply.body()).isEmpty();
        mutation.checkEffect(own, caller, reply);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("refusedCalls")
    void anyOtherCallerIsTurnedAwayAndNothingIsRecorded(AccessMutation mutation, AccessCaller caller, String refusal) {
        long before = footprintOfShared();

        Reply reply = mutation.call(shared, caller);

        if (caller == ANONYMOUS) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.classification()).as(reply.body()).isEqualTo("UNAUTHORIZED");
        } else {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.errors()).as(reply.body()).hasSize(1);
            assertThat(reply.classification() + " " + reply.rule()).as(reply.body()).isEqualTo(refusal);
            assertThat(reply.field()).isEqualTo("actor");
            assertThat(reply.<Object>read("$.data")).isNull();
        }
        assertThat(footprintOfShared()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("reads")
    void worldsAndStoriesAreVisibleOnlyToThoseTheReadRulesName(AccessRead read, AccessCaller caller, String expected) {
        Reply reply = read.call(shared, caller);

        switch (expected) {
            case "UNAUTHORIZED" -> {
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.classification()).isEqualTo("UNAUTHORIZED");
            }
            case "sees it" -> read.assertVisible(shared, reply);
            default -> read.assertHidden(reply);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("subscriptions")
    void storyEventsStreamOnlyToThoseWhoMaySeeTheStory(AccessCaller caller, String expected) {
        WebSocketGraphQlClient subscriber = caller == ANONYMOUS
                ? WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient()).build()
                : api.subscriber(shared.user(caller), caller.role());
        try {
            switch (expected) {
                case "closed 4401" -> assertThatThrownBy(() -> storyEvents(subscriber).blockFirst(Api.timeout()))
                        .isInstanceOf(GraphQlTransportException.class)
                        .hasMessageContaining("CloseStatus[code=4401, reason=Unauthorized]");
                case "streams" -> assertStreamsChangesOfTheSharedStory(subscriber);
                default -> assertThatThrownBy(() -> storyEvents(subscriber).blockFirst(Api.timeout()))
                        .isInstanceOfSatisfying(SubscriptionErrorException.class, refused ->
                                assertThat(refused.getErrors()).singleElement().satisfies(error ->
                                        assertThat(error.getExtensions()).containsEntry("classification", "NOT_FOUND")));
            }
        } finally {
            subscriber.stop().block(Api.timeout());
        }
    }

    @Test
    void aTokenClaimingTheSystemRoleActsAsNoMoreThanItsOtherRoles() {
        String intruder = "intruder-" + shared.tag;
        String token = AccessTokens.sign(AccessTokens.localKey(dataDir), intruder, List.of("SYSTEM", "PLAYER"),
                Instant.now().plus(Duration.ofHours(1)));
        long before = footprintOfShared();

        Reply me = http.post(token, "{ me { userId roles } }");
        Reply createWorld = http.post(token, """
                        mutation($settings: WorldSettingsInput!) { createWorld(settings: $settings) { worldId } }""",
                Map.of("settings", AccessFixture.settings("Made in " + shared.tag)));
        Reply addLore = http.post(token, """
                        mutation($worldId: ID!, $content: LoreContentInput!) {
                          addLoreEntry(worldId: $worldId, content: $content) { loreEntryId } }""",
                Map.of("worldId", shared.worldId, "content", AccessFixture.lore("Forged by the platform")));
        Reply world = http.post(token, "query($id: ID!) { world(id: $id) { id } }", Map.of("id", shared.worldId));

        assertThat(me.<String>read("$.data.me.userId")).isEqualTo(intruder);
        assertThat(me.<List<String>>read("$.data.me.roles")).containsExactly("PLAYER");
        assertThat(createWorld.classification() + " " + createWorld.rule()).isEqualTo("FORBIDDEN role:world-admin");
        assertThat(addLore.classification() + " " + addLore.rule()).isEqualTo("FORBIDDEN role:world-admin");
        assertThat(world.errors()).isEmpty();
        assertThat(world.<Object>read("$.data.world")).as("a platform would see every world").isNull();
        assertThat(footprintOfShared()).isEqualTo(before);
    }

    /** What the platform healed is for platform admins; anyone else with a token reads an empty log. */
    @ParameterizedTest(name = "healingActions by {0}")
    @MethodSource("callers")
    void theHealingLogIsReadOnlyByPlatformAdmins(AccessCaller caller) {
        String subject = "access matrix " + shared.tag;
        commands.sendAndWait(new RecordHealingAction("access-heal-" + shared.tag + "-" + caller.name(), HealingKind.PROCESSOR_RESTART,
                subject, "restarted for the access matrix", HealingOutcome.HEALED, 1, io.storyteller.domain.shared.Actor.system()));

        // the log is a read model: once it holds the action, an empty answer is the access rule's
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM healing_actions WHERE subject = ?", Long.class, subject) > 0);
        Reply reply = shared.call(caller, "{ healingActions(first: 200) { kind subject outcome } }", Map.of());

        switch (caller) {
            case ANONYMOUS -> assertThat(reply.status()).isEqualTo(401);
            case PLATFORM_ADMIN -> {
                assertThat(reply.errors()).as(reply.body()).isEmpty();
                assertThat(reply.<List<String>>read("$.data.healingActions[*].subject")).contains(subject);
            }
            default -> {
                assertThat(reply.errors()).as(reply.body()).isEmpty();
                assertThat(reply.<List<?>>read("$.data.healingActions")).isEmpty();
            }
        }
    }

    static Stream<AccessCaller> callers() {
        return Arrays.stream(AccessCaller.values());
    }

    static Stream<Arguments> admittedCalls() {
        return WHO_MAY.stream().flatMap(rule -> rule.admitted().stream().map(caller -> arguments(rule.mutation(), caller)));
    }

    static Stream<Arguments> refusedCalls() {
        return WHO_MAY.stream().flatMap(rule -> Arrays.stream(AccessCaller.values())
                .filter(caller -> !rule.admitted().contains(caller))
                .map(caller -> arguments(rule.mutation(), caller,
                        caller == ANONYMOUS ? "UNAUTHORIZED" : "FORBIDDEN " + rule.refusal())));
    }

    static Stream<Arguments> reads() {
        return Arrays.stream(AccessRead.values()).flatMap(read -> Arrays.stream(AccessCaller.values())
                .map(caller -> arguments(read, caller, caller == ANONYMOUS ? "UNAUTHORIZED"
                        : WHO_SEES.get(read).contains(caller) ? "sees it" : "sees nothing")));
    }

    static Stream<Arguments> subscriptions() {
        return Arrays.stream(AccessCaller.values()).map(caller -> arguments(caller, caller == ANONYMOUS ? "closed 4401"
                : STORY_READERS.contains(caller) ? "streams" : "NOT_FOUND"));
    }

    private long footprintOfShared() {
        return eventLog.footprint(shared.tag, shared.worldId, shared.storyId);
    }

    private Flux<Map<String, Object>> storyEvents(GraphQlClient client) {
        return client.document("subscription($id: ID!) { storyEvents(storyId: $id) { storyId kind } }")
                .variable("id", shared.storyId)
                .retrieveSubscription("storyEvents").toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    /**
     * Changes the story until the change comes through: the server does not tell when a subscription
     * has started, and only changes made after that are streamed.
     */
    private void assertStreamsChangesOfTheSharedStory(WebSocketGraphQlClient subscriber) {
        List<Map<String, Object>> updates = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Disposable subscription = storyEvents(subscriber).subscribe(updates::add, failures::add);
        try {
            await().atMost(AccessFixture.PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(failures).isEmpty();
                if (updates.isEmpty()) {
                    shared.must(STORY_OWNER, "mutation($id: ID!, $note: String) { setAuthorsNote(storyId: $id, note: $note) { storyId } }",
                            Map.of("id", shared.storyId, "note", "Watched " + UUID.randomUUID()));
                }
                assertThat(updates).isNotEmpty();
            });
            assertThat(updates.getFirst()).containsEntry("storyId", shared.storyId).containsEntry("kind", "STORY_CHANGED");
        } finally {
            subscription.dispose();
        }
    }

    /** A mutation, the callers it admits and the rule that turns everyone else away. */
    private record Rule(AccessMutation mutation, String refusal, Set<AccessCaller> admitted) {
    }
}
