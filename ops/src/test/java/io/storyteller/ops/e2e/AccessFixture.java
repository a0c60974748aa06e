package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.AccessHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowingConsumer;
import org.awaitility.core.ConditionFactory;

/**
 * A world and, from {@link Level#STORY} on, a story in it, made through the API: owned by a world
 * admin, with an admin, a player and the story's owner as members and one lore entry. Every caller
 * kind gets its own user id, tagged with the fixture so that fixtures never meet. What the callers
 * did is read back by an observer, a platform admin, who sees everything.
 */
final class AccessFixture {

    /** How far a fixture is set up; a mutation needs its fixture at least this far. */
    enum Level {
        /** the world, its members and a lore entry */
        WORLD,
        /** plus a story started by the story's owner */
        STORY,
        /** plus a fact of that story pinned by its owner */
        FACT,
        /** plus a player action and its narration */
        NARRATED,
        /** plus a second alternative of that narration, which is the one selected */
        RETRIED
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final String WORLD_QUERY = """
            query($id: ID!) { world(id: $id) {
              id ownerId archived settings { name } narrationPolicy { maxTries } members { userId role }
              loreEntries(includeRetired: true) { id retired revision content { title } } } }""";

    static final String FACTS_QUERY = """
            query($id: ID!) { storyFacts(storyId: $id) { key kind entity attribute value pinnedBy correctedBy } }""";

    static final String STORY_QUERY = """
            query($id: ID!) { story(id: $id) {
              id ownerId participants status authorsNote pinnedMemory beatCount narrationPending
              beats(first: 20) { edges { node { id kind text edited alternatives selectedAlternative rating
                flagCategories flagSeverity flagRealWorld flaggedBy } } } } }""";

    private final Api api;
    private final AccessHttp http;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    String worldId;
    String loreEntryId;
    String storyId;
    String actionBeatId;
    String narrationBeatId;
    String factKey;

    private AccessFixture(Api api, AccessHttp http) {
        this.api = api;
        this.http = http;
    }

    static AccessFixture create(Api api, AccessHttp http, Level level) {
        AccessFixture fixture = new AccessFixture(api, http);
        fixture.createWorld();
        if (level.compareTo(Level.STORY) >= 0) {
            fixture.startStory();
        }
        if (level.compareTo(Level.FACT) >= 0) {
            fixture.pinFact();
        }
        if (level.compareTo(Level.NARRATED) >= 0) {
            // The narrator reads the world from the read side; an action in a world that has not reached it fails.
            fixture.settled();
            fixture.narrate();
        }
        if (level == Level.RETRIED) {
            fixture.retry();
        }
        return fixture;
    }

    static Map<String, Object> settings(String name) {
        return Map.of("name", name, "premise", "A coast of lanterns and fog.", "genre", "mystery", "tone", "quiet",
                "contentRating", "TEEN");
    }

    static Map<String, Object> lore(String title) {
        return Map.of("title", title, "triggerKeys", List.of("lighthouse"), "content",
                "The lighthouse keeper has not been seen for a week.");
    }

    String user(AccessCaller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case OUTSIDER -> "outsider-" + tag;
            case WORLD_PLAYER -> "player-" + tag;
            case STORY_OWNER -> "teller-" + tag;
            case WORLD_ADMIN -> "admin-" + tag;
            case WORLD_OWNER -> "owner-" + tag;
            case FOREIGN_WORLD_ADMIN -> "foreign-admin-" + tag;
            case PLATFORM_ADMIN -> "platform-admin-" + tag;
            case META_MANAGER -> "meta-manager-" + tag;
        };
    }

    /** The caller's bearer token; null for the anonymous caller. */
    String token(AccessCaller caller) {
        return caller == AccessCaller.ANONYMOUS ? null : api.token(user(caller), caller.role());
    }

    Reply call(AccessCaller caller, String document, Map<String, Object> variables) {
        return http.post(token(caller), document, variables);
    }

    /** A call that must succeed, as part of setting a fixture up. */
    Reply must(AccessCaller caller, String document, Map<String, Object> variables) {
        Reply reply = call(caller, document, variables);
        assertThat(reply.errors()).as("%s as %s: %s", document, caller, reply.body()).isEmpty();
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    Reply observeWorld(String id) {
        return observe(WORLD_QUERY, Map.of("id", id));
    }

    Reply observeStory(String id) {
        return observe(STORY_QUERY, Map.of("id", id));
    }

    /** Waits until the facts the observer reads of the story satisfy the check. */
    void eventuallyFacts(String id, ThrowingConsumer<Reply> check) {
        eventually().untilAsserted(() -> check.accept(observe(FACTS_QUERY, Map.of("id", id))));
    }

    /** A fact of this fixture's story as the observer reads it, or null. */
    static Map<String, Object> fact(Reply facts, String key) {
        List<Map<String, Object>> all = facts.read("$.data.storyFacts");
        return all.stream().filter(fact -> key.equals(fact.get("key"))).findFirst().orElse(null);
    }

    /** Waits until what the observer reads of the world satisfies the check. */
    void eventuallyWorld(String id, ThrowingConsumer<Reply> check) {
        eventually().untilAsserted(() -> check.accept(observeWorld(id)));
    }

    /** Waits until what the observer (a platform admin) reads with {@code document} satisfies the check. */
    void eventually(String document, Map<String, Object> variables, ThrowingConsumer<Reply> check) {
        eventually().untilAsserted(() -> check.accept(observe(document, variables)));
    }

    /** Waits until what the observer reads of the story satisfies the check. */
    void eventuallyStory(String id, ThrowingConsumer<Reply> check) {
        eventually().untilAsserted(() -> check.accept(observeStory(id)));
    }

    /** Awaits a read-side outcome; the read side follows the event log within a fraction of a second, so look often. */
    static ConditionFactory eventually() {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).ignoreExceptions();
    }

    /** A beat of this fixture's story as the observer reads it, or null. */
    static Map<String, Object> beat(Reply story, String beatId) {
        List<Map<String, Object>> nodes = story.read("$.data.story.beats.edges[*].node");
        return nodes.stream().filter(node -> beatId.equals(node.get("id"))).findFirst().orElse(null);
    }

    /** Waits until the read side shows everything this fixture made, so that what it hides is hidden, not late. */
    AccessFixture settled() {
        eventuallyWorld(worldId, world -> {
            assertThat(world.<List<?>>read("$.data.world.members")).hasSize(4);
            assertThat(world.<List<?>>read("$.data.world.loreEntries")).hasSize(1);
        });
        if (storyId != null) {
            eventuallyStory(storyId, story -> assertThat(story.<String>read("$.data.story.id")).isEqualTo(storyId));
        }
        return this;
    }

    private void createWorld() {
        worldId = must(AccessCaller.WORLD_OWNER, """
                        mutation($settings: WorldSettingsInput!) { createWorld(settings: $settings) { worldId } }""",
                Map.of("settings", settings("World " + tag))).read("$.data.createWorld.worldId");
        for (AccessCaller member : List.of(AccessCaller.WORLD_ADMIN, AccessCaller.WORLD_PLAYER, AccessCaller.STORY_OWNER)) {
            must(AccessCaller.WORLD_OWNER, """
                            mutation($worldId: ID!, $userId: ID!, $role: WorldRole!) {
                              addWorldMember(worldId: $worldId, userId: $userId, role: $role) { userId } }""",
                    Map.of("worldId", worldId, "userId", user(member),
                            "role", member == AccessCaller.WORLD_ADMIN ? "ADMIN" : "PLAYER"));
        }
        loreEntryId = must(AccessCaller.WORLD_OWNER, """
                        mutation($worldId: ID!, $content: LoreContentInput!) {
                          addLoreEntry(worldId: $worldId, content: $content) { loreEntryId } }""",
                Map.of("worldId", worldId, "content", lore("The lighthouse"))).read("$.data.addLoreEntry.loreEntryId");
    }

    private void startStory() {
        storyId = must(AccessCaller.STORY_OWNER, """
                        mutation($worldId: ID!, $title: String!) { startStory(worldId: $worldId, title: $title) { storyId } }""",
                Map.of("worldId", worldId, "title", "The keeper's absence")).read("$.data.startStory.storyId");
    }

    private void pinFact() {
        factKey = must(AccessCaller.STORY_OWNER, """
                        mutation($storyId: ID!, $fact: StoryFactInput!) { pinStoryFact(storyId: $storyId, fact: $fact) { factKey } }""",
                Map.of("storyId", storyId, "fact", Map.of("kind", "location", "entity", "the keeper", "attribute", "whereabouts",
                        "value", "unknown"))).read("$.data.pinStoryFact.factKey");
    }

    private void narrate() {
        actionBeatId = must(AccessCaller.STORY_OWNER, """
                        mutation($storyId: ID!, $text: String!) { submitPlayerAction(storyId: $storyId, text: $text) { actionBeatId } }""",
                Map.of("storyId", storyId, "text", "I climb the lighthouse stairs.")).read("$.data.submitPlayerAction.actionBeatId");
        eventuallyStory(storyId, story -> {
            assertThat(story.<Boolean>read("$.data.story.narrationPending")).isFalse();
            List<String> narrations = story.read("$.data.story.beats.edges[?(@.node.kind == 'NARRATION')].node.id");
            assertThat(narrations).hasSize(1);
            narrationBeatId = narrations.getFirst();
        });
    }

    private void retry() {
        must(AccessCaller.STORY_OWNER, "mutation($storyId: ID!) { retryNarration(storyId: $storyId) { requestId } }",
                Map.of("storyId", storyId));
        eventuallyStory(storyId, story -> {
            assertThat(story.<Boolean>read("$.data.story.narrationPending")).isFalse();
            assertThat(beat(story, narrationBeatId)).extractingByKey("alternatives").asList().hasSize(2);
        });
    }

    private Reply observe(String document, Map<String, Object> variables) {
        Reply reply = http.post(api.token("observer-" + tag, PlatformRole.PLATFORM_ADMIN), document, variables);
        assertThat(reply.errors()).as(reply.body()).isEmpty();
        return reply;
    }
}
