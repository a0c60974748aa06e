package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.HttpGraphQlClient;

/**
 * A story's facts through the real endpoint: read from a player's action and from a narration as
 * they come, pinned and corrected by a player, hidden from strangers; and the continuity check a
 * platform admin runs by hand.
 */
@EndToEnd
class KeepingStoryFactsTest {

    private static final String FACTS = """
            query($id: ID!) { storyFacts(storyId: $id) { storyId key kind entity attribute value sinceBeat evidence beatId
              pinnedBy correctedBy } }""";
    private static final String BEATS = """
            query($id: ID!) { story(id: $id) { narrationPending beats(first: 20) { edges { node { id kind } } } } }""";
    private static final String PIN = """
            mutation($id: ID!, $fact: StoryFactInput!) { pinStoryFact(storyId: $id, fact: $fact) { storyId factKey } }""";
    private static final String CORRECT = """
            mutation($id: ID!, $key: String!, $value: String!) {
              correctStoryFact(storyId: $id, factKey: $key, value: $value) { factKey } }""";
    private static final String CHECK = """
            query($lore: [String!]!, $story: [String!]!, $candidate: String!) {
              checkContinuity(lore: $lore, story: $story, candidate: $candidate) {
                consistent contradictions { kind evidence explanation fact { key kind entity value sinceBeat evidence } }
                factsUsed { key entity } } }""";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void factsAreReadFromActionsAndNarrationsAndPlayersPinAndCorrectThem() {
        Api api = new Api(port, minter);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String player = "facts-player-" + tag;
        HttpGraphQlClient admin = api.as("facts-admin-" + tag, PlatformRole.WORLD_ADMIN);
        HttpGraphQlClient teller = api.as(player, PlatformRole.PLAYER);
        HttpGraphQlClient stranger = api.as("facts-stranger-" + tag, PlatformRole.PLAYER);
        PlayClient owner = new PlayClient(admin);
        String worldId = owner.createWorld("Facts " + tag);
        owner.addMember(worldId, player, "PLAYER");
        PlayClient play = new PlayClient(teller);
        String storyId = play.startStory(worldId, "Ferry");

        String actionBeatId = play.act(storyId, "I give my compass to the ferryman.");
        Map<String, Object> compass = eventually(() -> fact(teller, storyId, "possession/player/has-compass"));
        assertThat(compass).containsEntry("kind", "possession").containsEntry("value", "parted")
                .containsEntry("sinceBeat", 1).containsEntry("beatId", actionBeatId).containsEntry("storyId", storyId);

        // The house model's words are its own: the narration is edited to a known text, and read again.
        String narrationBeatId = eventually(() -> narrationOf(teller, storyId));
        play.editBeat(storyId, narrationBeatId, "The ferryman rows away. The dragon's fire razed the Mill of Osk.");
        Map<String, Object> mill = eventually(() -> facts(teller, storyId).stream()
                .filter(f -> "destroyed-place".equals(f.get("kind")) && narrationBeatId.equals(f.get("beatId"))).findFirst().orElse(null));
        assertThat(mill).containsEntry("value", "destroyed").containsEntry("sinceBeat", 2);
        assertThat((String) mill.get("entity")).contains("Mill of Osk");
        assertThat((String) mill.get("evidence")).contains("razed the Mill of Osk");

        String pinned = teller.document(PIN).variable("id", storyId).variable("fact", Map.of("kind", "death",
                "entity", "the ferryman's brother", "attribute", "alive", "value", "dead", "sinceBeat", 1))
                .retrieve("pinStoryFact.factKey").toEntity(String.class).block(Api.timeout());
        teller.document(CORRECT).variable("id", storyId).variable("key", "possession/player/has-compass").variable("value", "lent")
                .retrieve("correctStoryFact.factKey").toEntity(String.class).block(Api.timeout());
        assertThat(pinned).isEqualTo("death/the-ferryman's-brother/alive");
        eventually(() -> {
            Map<String, Object> brother = fact(teller, storyId, pinned);
            Map<String, Object> lent = fact(teller, storyId, "possession/player/has-compass");
            return brother != null && player.equals(brother.get("pinnedBy")) && brother.get("beatId") == null
                    && lent != null && "lent".equals(lent.get("value")) && player.equals(lent.get("correctedBy")) ? brother : null;
        });

        assertThat(facts(stranger, storyId)).as("a stranger sees no facts").isEmpty();
        assertThat(facts(admin, storyId)).as("the world's owner moderates").extracting(f -> f.get("key"))
                .contains(pinned, "possession/player/has-compass", mill.get("key"));
        List<ResponseError> refused = errors(stranger.document(PIN).variable("id", storyId).variable("fact",
                Map.of("kind", "death", "entity", "the ferryman", "attribute", "alive", "value", "dead")));
        assertThat(refused).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getExtensions()).containsEntry("rule", "story-participant-or-world-admin");
        });
        List<ResponseError> unknownKind = errors(teller.document(PIN).variable("id", storyId).variable("fact",
                Map.of("kind", "weather", "entity", "sky", "attribute", "colour", "value", "green")));
        assertThat(unknownKind).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions()).containsEntry("field", "fact.kind").containsEntry("rule", "continuity-kind");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlatformAdminChecksACandidateByHandAndNobodyElseMay() {
        Api api = new Api(port, minter);
        HttpGraphQlClient platformAdmin = api.as("check-admin", PlatformRole.PLATFORM_ADMIN);
        List<String> story = List.of("Brother Wendel was killed by the wolves at the ford.", "> I ride on to the abbey.");

        Map<String, Object> flagged = check(platformAdmin, story, "Wendel waves from the abbey gate and calls your name.");
        assertThat(flagged).containsEntry("consistent", false);
        assertThat((List<Map<String, Object>>) flagged.get("contradictions")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("kind", "death");
            assertThat((String) c.get("evidence")).startsWith("Wendel waves");
            assertThat((String) c.get("explanation")).isNotBlank();
            assertThat((Map<String, Object>) c.get("fact")).containsEntry("entity", "Wendel").containsEntry("value", "dead")
                    .containsEntry("sinceBeat", 1).containsEntry("key", "death/wendel/alive");
        });
        assertThat((List<Map<String, Object>>) flagged.get("factsUsed")).extracting(f -> f.get("entity")).contains("Wendel");

        Map<String, Object> consistent = check(platformAdmin, story, "At the gate you remember how Wendel laughed.");
        assertThat(consistent).containsEntry("consistent", true);
        assertThat((List<?>) consistent.get("contradictions")).isEmpty();

        List<ResponseError> player = errors(api.as("check-player", PlatformRole.PLAYER).document(CHECK)
                .variable("lore", List.of()).variable("story", story).variable("candidate", "Wendel waves."));
        assertThat(player).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getExtensions()).containsEntry("rule", "role:platform-admin");
        });
        List<ResponseError> blank = errors(platformAdmin.document(CHECK)
                .variable("lore", List.of()).variable("story", List.of("ok", " ")).variable("candidate", "Wendel waves."));
        assertThat(blank).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions()).containsEntry("field", "story[1]").containsEntry("rule", "required");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(HttpGraphQlClient client, List<String> story, String candidate) {
        return client.document(CHECK).variable("lore", List.of()).variable("story", story).variable("candidate", candidate)
                .retrieve("checkContinuity").toEntity(Map.class).block(Api.timeout());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facts(HttpGraphQlClient client, String storyId) {
        return client.document(FACTS).variable("id", storyId).retrieve("storyFacts").toEntityList(Map.class)
                .block(Api.timeout()).stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static Map<String, Object> fact(HttpGraphQlClient client, String storyId, String key) {
        return facts(client, storyId).stream().filter(f -> key.equals(f.get("key"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static String narrationOf(HttpGraphQlClient client, String storyId) {
        ClientGraphQlResponse response = client.document(BEATS).variable("id", storyId).execute().block(Api.timeout());
        if (Boolean.TRUE.equals(response.field("story.narrationPending").toEntity(Boolean.class))) {
            return null;
        }
        List<Map<String, Object>> edges = response.field("story.beats.edges").toEntityList(Map.class).stream()
                .map(m -> (Map<String, Object>) m).toList();
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node"))
                .filter(node -> "NARRATION".equals(node.get("kind"))).map(node -> (String) node.get("id"))
                .findFirst().orElse(null);
    }

    private static List<ResponseError> errors(GraphQlClient.RequestSpec request) {
        return request.execute().block(Api.timeout()).getErrors();
    }

    private static <T> T eventually(java.util.concurrent.Callable<T> read) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(read, value -> value != null);
    }
}
