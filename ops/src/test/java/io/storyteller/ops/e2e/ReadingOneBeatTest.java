package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.PlayClient.ReadBeat;
import io.storyteller.ops.e2e.PlayViews.Beat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;

/**
 * {@code Story.beat(id)}: one beat of a story by its id, wherever it stands in the story, to whoever
 * may read the story; a beat the story does not have (unknown, or another story's) is null, and a
 * caller who may not read the story gets no story, as for its beats.
 */
@EndToEnd
class ReadingOneBeatTest {

    private static final String BEAT = "query($id: ID!, $beatId: ID!) { story(id: $id) { beat(id: $beatId) { id } } }";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    private String tag;
    private Api api;
    private PlayClient admin;
    private PlayClient player;
    private String storyId;
    private String otherStoryId;

    @BeforeEach
    void twoPlayedStories() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        api = new Api(port, minter);
        admin = new PlayClient(api.as("beat-admin-" + tag, PlatformRole.WORLD_ADMIN));
        player = new PlayClient(api.as("beat-player-" + tag, PlatformRole.PLAYER));
        String worldId = admin.createWorld("The Bell Shallows " + tag);
        admin.addMember(worldId, "beat-player-" + tag, "PLAYER");
        admin.addMember(worldId, "beat-neighbour-" + tag, "PLAYER");
        storyId = played(worldId, "The drowned bell " + tag, "I ring the drowned bell.");
        otherStoryId = played(worldId, "The dry well " + tag, "I climb down the well.");
    }

    @Test
    void whoeverReadsTheStoryReadsEachOfItsBeatsByItsId() {
        List<Beat> beats = player.beats(storyId, 10, null).beats();
        Beat narration = beats.get(1);

        ReadBeat read = player.beat(storyId, narration.id());

        assertThat(read.storyRead()).isTrue();
        assertThat(read.beat()).isEqualTo(narration);
        assertThat(read.beat().position()).isEqualTo(2);
        assertThat(read.beat().kind()).isEqualTo("NARRATION");
        assertThat(player.beat(storyId, beats.get(0).id()).beat().text()).isEqualTo("I ring the drowned bell.");
        assertThat(admin.beat(storyId, narration.id()).beat()).as("the world's admin, who moderates it").isEqualTo(narration);
        assertThat(new PlayClient(api.as("beat-root-" + tag, PlatformRole.PLATFORM_ADMIN)).beat(storyId, narration.id()).beat())
                .isEqualTo(narration);
    }

    @Test
    void aBeatTheStoryDoesNotHaveIsNull() {
        String othersBeat = player.beats(otherStoryId, 10, null).beats().get(1).id();

        assertThat(player.beat(storyId, "no-such-beat-" + tag)).isEqualTo(new ReadBeat(true, null));
        assertThat(player.beat(storyId, othersBeat)).as("a beat of another story").isEqualTo(new ReadBeat(true, null));
        assertThat(player.beat(otherStoryId, othersBeat).beat()).isNotNull();
    }

    @Test
    void aCallerWhoMayNotReadTheStoryIsRefusedItsBeatsAsItsPages() {
        String beatId = player.beats(storyId, 10, null).beats().get(1).id();

        for (PlayClient outsider : List.of(
                new PlayClient(api.as("beat-neighbour-" + tag, PlatformRole.PLAYER)),
                new PlayClient(api.as("beat-stranger-" + tag, PlatformRole.PLAYER)),
                new PlayClient(api.as("beat-models-" + tag, PlatformRole.MODEL_MANAGER)))) {
            assertThat(outsider.beat(storyId, beatId)).isEqualTo(new ReadBeat(false, null));
            assertThat(outsider.story(storyId)).as("nor its pages of beats").isNull();
        }
    }

    @Test
    void aMalformedBeatIdIsABadRequestNamingTheArgumentAndItsRule() {
        for (String malformed : List.of("   ", "-starts-with-a-dash", "a".repeat(300))) {
            List<ResponseError> errors = player.errors(BEAT, Map.of("id", storyId, "beatId", malformed));

            assertThat(errors).as(malformed).singleElement().satisfies(error -> assertThat(error.getExtensions())
                    .containsEntry("classification", "BAD_REQUEST").containsEntry("field", "id"));
        }
    }

    private String played(String worldId, String title, String action) {
        String id = player.startStory(worldId, title);
        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(player.story(id)).isNotNull());
        player.act(id, action);
        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(player.story(id).beatCount()).isEqualTo(2);
            assertThat(player.story(id).narrationPending()).isFalse();
        });
        return id;
    }
}
