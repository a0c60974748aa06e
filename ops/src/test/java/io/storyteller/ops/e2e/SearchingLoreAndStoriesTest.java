package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.retrieval.LoreHit;
import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.TurnRecall;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.AccessHttp.Reply;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.search.Hit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A world's owner finds its lore by meaning and by words through {@code searchLore}, and a story's
 * beats through {@code searchStory}, with highlights and reasons; after a platform admin has the indexes
 * dropped and rebuilt from the event log ({@code rebuildSearchIndexes}, refused to anyone else) the
 * answers are the same. All on the real endpoint, PostgreSQL and OpenSearch.
 */
@EndToEnd
class SearchingLoreAndStoriesTest {

    private static final Duration PATIENCE = Duration.ofMinutes(5); // a rebuild replays the whole shared log at ~70 events/s
    private static final String SEARCH_LORE = """
            query($worldId: ID!, $text: String!) {
              searchLore(worldId: $worldId, text: $text, first: 3) {
                loreEntryId title score highlights reason { matchedTerms vectorSimilarity description } } }""";
    private static final String REBUILD = "mutation { rebuildSearchIndexes { processingGroups } }";
    private static final String SEARCH_STORY = """
            query($storyId: ID!, $text: String!, $before: Int!) {
              searchStory(storyId: $storyId, text: $text, first: 5, beforePosition: $before) {
                beatId position kind text highlights reason { matchedTerms vectorSimilarity } } }""";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    OpenSearchClient search;

    @Autowired
    QueryGateway queries;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String ownerId = "search-owner-" + tag;
    private final String playerId = "search-player-" + tag;
    private Api api;
    private AccessHttp http;
    private PlayClient owner;

    @BeforeEach
    void callers() {
        api = new Api(port, minter);
        http = new AccessHttp(port);
        owner = new PlayClient(api.as(ownerId, PlatformRole.WORLD_ADMIN));
    }

    @Test
    void loreAndBeatsAreFoundWithHighlightsAndTheSameAfterARebuild() throws IOException {
        String worldId = owner.createWorld("Searchable " + tag);
        String bell = owner.addLore(worldId, "The Drowned Bell", List.of("bell"),
                "A bronze bell hangs in the sunken church and rings when a storm comes.", false);
        owner.addLore(worldId, "Salt Fog", List.of("fog"), "A cold salt fog lies over the coast every night.", false);
        owner.addLore(worldId, "The Guild of Cartographers", List.of("maps"),
                "Mapmakers who chart the shifting sandbanks for a fee.", false);
        owner.addMember(worldId, playerId, "PLAYER");

        // The text and vector searches run side by side: a refresh between them lets k-NN find the new entry
        // before BM25 does, so wait until both see it (the highlights come from the text search).
        List<Map<String, Object>> found = eventuallyLore(worldId, "a bell ringing in a storm", hits ->
                assertThat(hits).isNotEmpty().first().satisfies(hit -> {
                    assertThat(hit.get("loreEntryId")).isEqualTo(bell);
                    assertThat(highlights(hit)).anyMatch(fragment -> fragment.contains("<em>bell</em>"));
                }));
        Map<String, Object> top = found.getFirst();
        assertThat(top.get("reason").toString()).contains("bell").contains("vectorSimilarity");

        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String storyId = player.startStory(worldId, "Below the waves");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        player.act(storyId, "I dive to the sunken church looking for the bronze bell.");
        // Refreshes make a new beat searchable within a second: wait until BM25 sees it too, not only k-NN.
        Map<String, Object> action = playerAction(eventuallyStory(storyId, "bronze bell", 0, hits ->
                assertThat(hits).anySatisfy(hit -> {
                    assertThat(hit.get("kind")).isEqualTo("PLAYER_ACTION");
                    assertThat(highlights(hit)).anyMatch(fragment -> fragment.contains("<em>bell</em>"));
                })));
        assertThat(action.get("position")).isEqualTo(1);
        assertThat(highlights(action)).anyMatch(fragment -> fragment.contains("<em>bell</em>"));
        assertThat(story(storyId, "bronze bell", 1)).as("nothing is older than the first beat").isEmpty();
        // The vector half reports cosine similarity: the action's own words find its own vector.
        Map<?, ?> sameWords = (Map<?, ?>) playerAction(story(storyId, "I dive to the sunken church looking for the bronze bell.", 0))
                .get("reason");
        assertThat(((Number) sameWords.get("vectorSimilarity")).doubleValue()).isCloseTo(1.0, within(0.001));
        // The narrator's recall asks without highlights and names the action's words each hit matched,
        // stemmed as the index matches them ("bells" matched "bell").
        // A turn whose recent window starts at beat 2 recalls beat 1 from story memory.
        TurnRecall recalled = queries.query(new RecallForTurn(worldId, storyId, "Ring the bronze bells", 3, 5, 2),
                TurnRecall.class).join();
        assertThat(recalled.lore()).anySatisfy(hit -> {
            assertThat(hit.loreEntryId()).isEqualTo(bell);
            assertThat(hit.reason().matchedTerms()).contains("bronze", "bells");
            assertThat(hit.highlights()).isEmpty();
        });
        assertThat(recalled.memories()).anySatisfy(hit -> {
            assertThat(hit.kind()).isEqualTo(BeatKind.PLAYER_ACTION);
            assertThat(hit.reason().matchedTerms()).containsExactly("bronze", "bells");
        });
        // A window that holds the whole story leaves nothing older to recall: lore only.
        TurnRecall whole = queries.query(new RecallForTurn(worldId, storyId, "Ring the bronze bells", 3, 5, 1),
                TurnRecall.class).join();
        assertThat(whole.lore()).extracting(LoreHit::loreEntryId).contains(bell);
        assertThat(whole.memories()).isEmpty();
        // the narration the action asked for, then nothing more happens in the story
        await().atMost(PATIENCE).ignoreExceptions().until(() -> storedBeats(storyId).size() == 3);
        Map<String, Object> storedBefore = storedBeats(storyId);

        // Lost from the index behind the projection's back: only a rebuild from the event log brings it back.
        search.delete(d -> d.index(SearchIndex.LORE.indexName()).id(bell).refresh(Refresh.True));
        assertThat(lore(worldId, "a bell ringing in a storm")).extracting(hit -> hit.get("loreEntryId")).doesNotContain(bell);

        Reply refused = http.post(api.token(ownerId, PlatformRole.WORLD_ADMIN), REBUILD, Map.of());
        assertThat(refused.classification()).as(refused.body()).isEqualTo("FORBIDDEN");
        assertThat(refused.rule()).isEqualTo("role:platform-admin");

        Reply rebuilt = http.post(api.token("search-operator-" + tag, PlatformRole.PLATFORM_ADMIN), REBUILD, Map.of());
        assertThat(rebuilt.errors()).as(rebuilt.body()).isEmpty();
        assertThat(rebuilt.<List<String>>read("$.data.rebuildSearchIndexes.processingGroups"))
                .containsExactly(LoreIndexProjection.GROUP, BeatIndexProjection.GROUP);
        // Every entry found before, the bell first; the order below it may shift, as other worlds' documents
        // in the shared index change BM25's statistics between the two searches, and the first search may
        // have run before the world's last entry was indexed.
        eventuallyLore(worldId, "a bell ringing in a storm", hits -> {
            assertThat(hits).extracting(hit -> hit.get("loreEntryId"))
                    .containsAll(found.stream().map(hit -> hit.get("loreEntryId")).toList());
            assertThat(hits.getFirst().get("loreEntryId")).isEqualTo(bell);
        });
        eventuallyStory(storyId, "bronze bell", 0, hits -> assertThat(playerAction(hits)).isEqualTo(action));
        // a replay remembers what it wrote instead of reading it back: it must leave what live indexing left
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(storedBeats(storyId)).isEqualTo(storedBefore));
    }

    /** The story's beats and cursor as stored (sources with vectors, and versions), by id. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, Object> storedBeats(String storyId) throws IOException {
        search.indices().refresh(r -> r.index(SearchIndex.BEATS.indexName()));
        Map<String, Object> stored = new TreeMap<>();
        for (Hit<Map> hit : search.search(s -> s.index(SearchIndex.BEATS.indexName()).version(true).size(100)
                .query(q -> q.term(t -> t.field("storyId").value(FieldValue.of(storyId)))), Map.class).hits().hits()) {
            stored.put(hit.id(), List.of(hit.source(), hit.version()));
        }
        var cursor = search.get(g -> g.index(SearchIndex.STORY_CURSORS.indexName()).id(storyId), Map.class);
        if (cursor.found()) {
            stored.put("cursor", List.of(cursor.source(), cursor.version()));
        }
        return stored;
    }

    @SuppressWarnings("unchecked")
    private static List<String> highlights(Map<String, Object> hit) {
        return (List<String>) hit.get("highlights");
    }

    private static Map<String, Object> playerAction(List<Map<String, Object>> hits) {
        return hits.stream().filter(hit -> "PLAYER_ACTION".equals(hit.get("kind"))).findFirst().orElseThrow();
    }

    @Test
    void mistakesAndStrangersGetClearErrors() {
        String worldId = owner.createWorld("Guarded " + tag);
        owner.addMember(worldId, playerId, "PLAYER");
        Reply blank = http.post(api.token(ownerId, PlatformRole.WORLD_ADMIN), SEARCH_LORE, Map.of("worldId", worldId, "text", " "));
        assertThat(blank.classification()).isEqualTo("BAD_REQUEST");
        assertThat(blank.rule()).isEqualTo("required");
        // until the worlds read model has the membership, the player is a stranger to the world (NOT_FOUND)
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.post(api.token(playerId, PlatformRole.PLAYER), SEARCH_LORE,
                Map.of("worldId", worldId, "text", "bell")).classification()).isEqualTo("FORBIDDEN"));
        Reply stranger = http.post(api.token("stranger-" + tag, PlatformRole.PLAYER), SEARCH_LORE,
                Map.of("worldId", worldId, "text", "bell"));
        assertThat(stranger.classification()).isEqualTo("NOT_FOUND");
    }

    private List<Map<String, Object>> eventuallyLore(String worldId, String text,
            java.util.function.Consumer<List<Map<String, Object>>> check) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            List<Map<String, Object>> hits = lore(worldId, text);
            check.accept(hits);
            return hits;
        }, hits -> true);
    }

    private List<Map<String, Object>> lore(String worldId, String text) {
        Reply reply = http.post(api.token(ownerId, PlatformRole.WORLD_ADMIN), SEARCH_LORE, Map.of("worldId", worldId, "text", text));
        assertThat(reply.errors()).as(reply.body()).isEmpty();
        return reply.read("$.data.searchLore");
    }

    private List<Map<String, Object>> eventuallyStory(String storyId, String text, int before,
            java.util.function.Consumer<List<Map<String, Object>>> check) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            List<Map<String, Object>> hits = story(storyId, text, before);
            check.accept(hits);
            return hits;
        }, hits -> true);
    }

    private List<Map<String, Object>> story(String storyId, String text, int before) {
        Reply reply = http.post(api.token(ownerId, PlatformRole.WORLD_ADMIN), SEARCH_STORY,
                Map.of("storyId", storyId, "text", text, "before", before));
        assertThat(reply.errors()).as(reply.body()).isEmpty();
        return reply.read("$.data.searchStory");
    }
}
