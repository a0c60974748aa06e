package io.storyteller.ops.e2e;

import static io.storyteller.ops.e2e.AccessCaller.STORY_OWNER;
import static io.storyteller.ops.e2e.AccessCaller.WORLD_OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import graphql.introspection.IntrospectionQuery;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.AccessFixture.Level;
import io.storyteller.ops.e2e.AccessHttp.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the endpoint refuses and how it says so: operations too deep or too costly, bodies too
 * large, tokens expired or forged, input that breaks a rule, ids of nothing. Every refusal names
 * what was wrong and gives away nothing of the server's insides. The limits are the defaults of
 * application.yml (depth 12, complexity 1200, 64 KiB, pages of at most 100).
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiLimitsTest {

    /** Fragments of a stack trace or of the server's classes, which no answer to a user's mistake may hold. */
    private static final List<String> INSIDES = List.of("Exception", "\tat ", "java.", "jakarta.", "io.storyteller.",
            "org.springframework.", "org.axonframework.", "graphql.execution", "INTERNAL_ERROR", "errorId");

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    private AccessHttp http;
    private AccessFixture fixture;

    @BeforeAll
    void makeAWorldWithAStory() {
        http = new AccessHttp(port);
        fixture = AccessFixture.create(new Api(port, minter), http, Level.STORY).settled();
    }

    @Test
    void aQueryNestedDeeperThanTwelveFieldsIsRejectedUnexecuted() {
        Reply atTheLimit = fixture.call(STORY_OWNER, nestedStoryQuery(12), Map.of("id", fixture.storyId));
        Reply tooDeep = fixture.call(STORY_OWNER, nestedStoryQuery(13), Map.of("id", fixture.storyId));

        assertThat(atTheLimit.errors()).as(atTheLimit.body()).isEmpty();
        assertThat(tooDeep.errors()).as(tooDeep.body()).singleElement()
                .satisfies(error -> assertThat((String) error.get("message")).contains("depth").contains("13 > 12"));
        assertThat(tooDeep.classification()).isEqualTo("ExecutionAborted");
        assertThat(tooDeep.<Object>read("$.data")).isNull();
        assertRevealsNoInsides(tooDeep);
    }

    @Test
    void aQueryAskingForMoreThanItsComplexityAllowsIsRejectedUnexecuted() {
        // Objects built: story 1 + per page (beats 1 + first × (edge, beat, provenance, candidates, scores, guardrail:
        // 6)); three pages of 100 exceed 1200, of 10 they do not
        String node = "node { id kind text position provenance { candidates { scores { guardrail { allowed } } } } }";
        String beats = "query($id: ID!, $first: Int) { story(id: $id) { "
                + "a: beats(first: $first) { edges { " + node + " } } "
                + "b: beats(first: $first) { edges { " + node + " } } "
                + "c: beats(first: $first) { edges { " + node + " } } } }";

        Reply modest = fixture.call(STORY_OWNER, beats, Map.of("id", fixture.storyId, "first", 10));
        Reply costly = fixture.call(STORY_OWNER, beats, Map.of("id", fixture.storyId, "first", 100));

        assertThat(modest.errors()).as(modest.body()).isEmpty();
        assertThat(costly.errors()).as(costly.body()).singleElement()
                .satisfies(error -> assertThat((String) error.get("message")).contains("complexity").contains("> 1200"));
        assertThat(costly.classification()).isEqualTo("ExecutionAborted");
        assertThat(costly.<Object>read("$.data")).isNull();
        assertRevealsNoInsides(costly);
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(strings = {"declared", "not declared (chunked)"})
    void aBodyOverSixtyFourKibibytesIsTurnedAwayWith413AndNothingIsWritten(String length) {
        AccessEventLog eventLog = new AccessEventLog(jdbc);
        long before = eventLog.footprint(fixture.tag, fixture.worldId);
        Map<String, Object> hugeLore = new HashMap<>(AccessFixture.lore("An endless chronicle"));
        hugeLore.put("content", "The tide rose again. ".repeat(3400));
        String body = AccessHttp.body("""
                        mutation($worldId: ID!, $content: LoreContentInput!) {
                          addLoreEntry(worldId: $worldId, content: $content) { loreEntryId } }""",
                Map.of("worldId", fixture.worldId, "content", hugeLore));
        String owner = fixture.token(WORLD_OWNER);

        Reply tooLarge = length.equals("declared") ? http.postBody(owner, body) : http.postChunked(owner, body);

        assertThat(body.length()).isGreaterThan(64 * 1024);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.classification()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(tooLarge.<String>read("$.errors[0].message")).contains("65536 bytes");
        assertRevealsNoInsides(tooLarge);
        assertThat(eventLog.footprint(fixture.tag, fixture.worldId)).isEqualTo(before);
        assertThat(fixture.observeWorld(fixture.worldId).<List<String>>read("$.data.world.loreEntries[*].id"))
                .containsExactly(fixture.loreEntryId);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        String expired = new TokenMinter(AccessTokens.localKey(dataDir), twoHoursAgo)
                .mint(fixture.user(STORY_OWNER), Set.of(PlatformRole.PLAYER), Duration.ofHours(1));

        assertUnauthorized(http.post(expired, "{ me { userId } }"));
    }

    @Test
    void aTokenSignedByAForeignKeyIsUnauthorized() {
        String forged = new TokenMinter(AccessTokens.foreignKey(), Clock.systemUTC())
                .mint(fixture.user(WORLD_OWNER), Set.of(PlatformRole.PLATFORM_ADMIN), Duration.ofHours(1));

        assertUnauthorized(http.post(forged, "{ me { userId } }"));
    }

    @ParameterizedTest(name = "{0}: {2} {3} {4}")
    @MethodSource("mistakes")
    void aMistakeIsNamedByFieldAndRule(String mistake, Mistake call, String classification, String field, String rule) {
        Reply reply = call.make(fixture);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.errors()).as(reply.body()).hasSize(1);
        assertThat(List.of(reply.classification(), reply.field(), reply.rule())).as(reply.body())
                .containsExactly(classification, field, rule);
        assertRevealsNoInsides(reply);
    }

    @Test
    void aStoryThatDoesNotExistReadsAsNothing() {
        Reply story = fixture.call(STORY_OWNER, "query($id: ID!) { story(id: $id) { id } }", Map.of("id", "no-such-story"));

        assertThat(story.errors()).isEmpty();
        assertThat(story.<Object>read("$.data.story")).isNull();
    }

    @Test
    void introspectionAnswersTheFullStandardQueryWithDefaultSettings() {
        Reply schema = fixture.call(STORY_OWNER, IntrospectionQuery.INTROSPECTION_QUERY, Map.of());

        assertThat(schema.errors()).as(schema.body()).isEmpty();
        assertThat(schema.<List<String>>read("$.data.__schema.types[*].name")).contains("World", "Story", "Beat", "StoryUpdate");
        assertThat(schema.<String>read("$.data.__schema.subscriptionType.name")).isEqualTo("Subscription");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments("a lore priority of 1000", (Mistake) f -> f.call(WORLD_OWNER, """
                                mutation($worldId: ID!, $content: LoreContentInput!) {
                                  addLoreEntry(worldId: $worldId, content: $content) { loreEntryId } }""",
                        Map.of("worldId", f.worldId, "content", withPriority(1000))),
                        "BAD_REQUEST", "content.priority", "range:-100..100"),
                arguments("a blank world name", (Mistake) f -> f.call(WORLD_OWNER, """
                                mutation($settings: WorldSettingsInput!) { createWorld(settings: $settings) { worldId } }""",
                        Map.of("settings", AccessFixture.settings("  "))),
                        "BAD_REQUEST", "settings.name", "required"),
                arguments("a page of 101 beats", (Mistake) f -> f.call(STORY_OWNER,
                        "query($id: ID!) { story(id: $id) { beats(first: 101) { totalCount } } }", Map.of("id", f.storyId)),
                        "BAD_REQUEST", "first", "range:1..100"),
                arguments("a cursor the API never handed out", (Mistake) f -> f.call(STORY_OWNER,
                        "query($id: ID!) { story(id: $id) { beats(after: \"page-2\") { totalCount } } }", Map.of("id", f.storyId)),
                        "BAD_REQUEST", "after", "cursor"),
                arguments("an author's note for a story that does not exist", (Mistake) f -> f.call(STORY_OWNER,
                        "mutation { setAuthorsNote(storyId: \"no-such-story\", note: \"Hello?\") { storyId } }", Map.of()),
                        "NOT_FOUND", "storyId", "exists"),
                arguments("a player action in a story that does not exist", (Mistake) f -> f.call(STORY_OWNER,
                        "mutation { submitPlayerAction(storyId: \"no-such-story\", text: \"I wait.\") { actionBeatId } }", Map.of()),
                        "NOT_FOUND", "storyId", "exists"),
                arguments("a lore entry for a world that does not exist", (Mistake) f -> f.call(WORLD_OWNER, """
                                mutation($content: LoreContentInput!) {
                                  addLoreEntry(worldId: "no-such-world", content: $content) { loreEntryId } }""",
                        Map.of("content", AccessFixture.lore("Nowhere"))),
                        "NOT_FOUND", "worldId", "exists"),
                arguments("a story in a world that does not exist", (Mistake) f -> f.call(STORY_OWNER,
                        "mutation { startStory(worldId: \"no-such-world\", title: \"Lost\") { storyId } }", Map.of()),
                        "NOT_FOUND", "worldId", "exists"));
    }

    /** One wrong call, made on the fixture. */
    @FunctionalInterface
    interface Mistake {
        Reply make(AccessFixture fixture);
    }

    private static Map<String, Object> withPriority(int priority) {
        Map<String, Object> lore = new HashMap<>(AccessFixture.lore("Too important"));
        lore.put("priority", priority);
        return lore;
    }

    /** {@code story { world { stories { world { … } } } } }: a chain of {@code depth} fields ending in id. */
    private static String nestedStoryQuery(int depth) {
        StringBuilder open = new StringBuilder("query($id: ID!) { story(id: $id) {");
        StringBuilder close = new StringBuilder("} }");
        for (int level = 2; level < depth; level++) {
            open.append(level % 2 == 0 ? " world {" : " stories {");
            close.append(" }");
        }
        return open + " id " + close;
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.<String>read("$.errors[0].message")).isEqualTo("the bearer token is invalid or expired");
        assertRevealsNoInsides(reply);
    }

    private static void assertRevealsNoInsides(Reply reply) {
        assertThat(reply.body()).isNotBlank();
        INSIDES.forEach(inside -> assertThat(reply.body()).as("an error body showing %s", inside).doesNotContain(inside));
    }
}
