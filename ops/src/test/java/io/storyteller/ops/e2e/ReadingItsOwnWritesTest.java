package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.HttpGraphQlClient;

/**
 * A client that creates a world, gives it lore and plays at once, without waiting for anything, is
 * narrated with that world and that lore: the narrator waits for the read models to catch up.
 */
@EndToEnd
class ReadingItsOwnWritesTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void aWorldPlayedTheMomentItIsCreatedIsNarratedWithItsFreshLore() {
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("eager-admin", PlatformRole.WORLD_ADMIN);
        HttpGraphQlClient player = api.as("eager-player", PlatformRole.PLAYER);

        String worldId = admin.document("""
                mutation { createWorld(settings: {name: "Glasswater", premise: "A town of glass-blowers on a frozen lake.",
                  genre: "folk tale", tone: "gentle", contentRating: TEEN}) { worldId } }""")
                .retrieve("createWorld.worldId").toEntity(String.class).block(Api.timeout());
        String loreId = admin.document("""
                mutation($w: ID!) { addLoreEntry(worldId: $w, content: {title: "The Glass Bell",
                  triggerKeys: ["glass bell"], content: "The glass bell rings only when the lake ice sings.",
                  priority: 10}) { loreEntryId } }""")
                .variable("w", worldId).retrieve("addLoreEntry.loreEntryId").toEntity(String.class).block(Api.timeout());
        admin.document("mutation($w: ID!) { addWorldMember(worldId: $w, userId: \"eager-player\", role: PLAYER) { userId } }")
                .variable("w", worldId).execute().block(Api.timeout());
        String storyId = player.document("mutation($w: ID!) { startStory(worldId: $w, title: \"Thaw\") { storyId } }")
                .variable("w", worldId).retrieve("startStory.storyId").toEntity(String.class).block(Api.timeout());
        player.document("mutation($s: ID!) { submitPlayerAction(storyId: $s, text: \"I ring the glass bell.\") { actionBeatId } }")
                .variable("s", storyId).execute().block(Api.timeout());

        List<Map<String, Object>> beats = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> beats(player, storyId), list -> list.size() == 2);

        Map<String, Object> narration = beats.get(1);
        assertThat(narration.get("kind")).isEqualTo("NARRATION");
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = (Map<String, Object>) narration.get("provenance");
        assertThat(provenance.get("model")).asString().startsWith("house:" + worldId);
        assertThat(provenance.get("loreEntryIds")).asList().contains(loreId);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> beats(HttpGraphQlClient player, String storyId) {
        return player.document("""
                query($s: ID!) { story(id: $s) { narrationPending beats(first: 10) { edges { node {
                  kind text provenance { model loreEntryIds } } } } } }""")
                .variable("s", storyId)
                .retrieve("story.beats.edges").toEntityList(Map.class).block(Api.timeout())
                .stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }
}
