package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.PlayViews.Beat;
import io.storyteller.ops.e2e.PlayViews.Story;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The world and story read models are derived from the event log alone: replaying the log into
 * freshly cleared tables rebuilds them row for row.
 */
@EndToEnd
class ReplayTest {

    private static final List<String> GROUPS = List.of("worlds", "stories");
    private static final List<String> TABLES = List.of("worlds", "world_members", "lore_entries",
            "house_model_versions", "stories", "story_participants", "beats");
    /** Other activity in the shared application may append events during a replay; then it is done again. */
    private static final int ATTEMPTS = 3;

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbcTemplate;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void replayingTheWorldAndStoryProjectionsRebuildsTheirReadModelsRowForRow() {
        History history = playAVariedHistory();
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        ReplayReadModels readModels = new ReplayReadModels(new NamedParameterJdbcTemplate(jdbcTemplate), processing,
                eventStore, GROUPS, TABLES);

        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ReplayReadModels.Settled before = readModels.settled();
            assertHoldsTheHistory(before, history);
            // Damage a row by hand: only a real rebuild from the log repairs it.
            jdbcTemplate.update("UPDATE worlds SET name = 'damaged' WHERE world_id = ?", history.harbour());

            readModels.replay();
            ReplayReadModels.Settled after = readModels.settled();

            if (after.head().equals(before.head())) {
                for (String table : TABLES) {
                    assertThat(after.rows(table)).as("table %s after the replay", table)
                            .containsExactlyElementsOf(before.rows(table));
                }
                return;
            }
        }
        fail("new events arrived during each of %d replays", ATTEMPTS);
    }

    private record History(String harbour, String archived, String story, String friendsStory) {
    }

    /** Worlds, lore, members and two stories with every kind of change, through the GraphQL API. */
    private History playAVariedHistory() {
        Api api = new Api(port, minter);
        String playerId = "replay-player-" + tag;
        String friendId = "replay-friend-" + tag;
        String helperId = "replay-helper-" + tag;
        PlayClient admin = new PlayClient(api.as("replay-admin-" + tag, PlatformRole.WORLD_ADMIN));
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        PlayClient friend = new PlayClient(api.as(friendId, PlatformRole.PLAYER));

        String harbour = admin.createWorld("Replay Harbour " + tag);
        admin.changeWorldTone(harbour, "Replay Harbour " + tag, "melancholy");
        String nets = admin.addLore(harbour, "The Nets", List.of("net", "nets"), "The nets come up full of bones.", false);
        admin.addLore(harbour, "Low Tide", List.of(), "At low tide the old road appears.", true);
        String gulls = admin.addLore(harbour, "Gulls", List.of("gull"), "The gulls speak at dusk.", false);
        admin.reviseLore(harbour, nets, "The Nets", List.of("net", "nets", "fishing"), "The nets come up empty now.");
        admin.retireLore(harbour, gulls);
        admin.addMember(harbour, playerId, "PLAYER");
        admin.addMember(harbour, friendId, "PLAYER");
        admin.addMember(harbour, helperId, "ADMIN");
        admin.changeMemberRole(harbour, helperId, "PLAYER");
        admin.removeMember(harbour, helperId);

        String archived = admin.createWorld("Replay Ruins " + tag);
        admin.addLore(archived, "The Ruin", List.of("ruin"), "Nothing stands here any more.", false);
        admin.archiveWorld(archived);

        String story = player.startStory(harbour, "The empty nets");
        player.act(story, "I haul in the nets at dawn.");
        awaitNarrated(player, story, 2);
        Beat narration = player.beats(story, 2, null).beats().get(1);
        player.retryNarration(story);
        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(player.beats(story, 2, null).beats().get(1).alternatives()).hasSize(2));
        awaitNarrated(player, story, 2);
        player.selectAlternative(story, narration.id(), 0);
        player.editBeat(story, narration.id(), "The nets are heavy with something that is not fish.");
        player.rateBeat(story, narration.id(), 5);
        player.setAuthorsNote(story, "Dread, slowly.");
        player.setPinnedMemory(story, "The harbour master lies.");
        String secondAction = player.act(story, "I cut the nets loose.");
        awaitNarrated(player, story, 4);
        player.eraseBeats(story, secondAction);
        player.invite(story, friendId);
        friend.act(story, "I pull you back from the edge.");
        awaitNarrated(player, story, 4);
        player.endStory(story);

        String friendsStory = friend.startStory(harbour, "Gulls at dusk");
        friend.act(friendsStory, "I listen to the gulls.");
        awaitNarrated(friend, friendsStory, 2);
        return new History(harbour, archived, story, friendsStory);
    }

    /** Waits until the story holds {@code beats} beats and no narration is pending. */
    private static void awaitNarrated(PlayClient reader, String storyId, int beats) {
        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Story story = reader.story(storyId);
            assertThat(story.beatCount()).isEqualTo(beats);
            assertThat(story.narrationPending()).isFalse();
        });
    }

    /** The snapshot is not vacuous: it holds what the history made. */
    private static void assertHoldsTheHistory(ReplayReadModels.Settled snapshot, History history) {
        assertThat(snapshot.rows("worlds")).extracting(row -> row.get("world_id"))
                .contains(history.harbour(), history.archived());
        assertThat(rowsOf(snapshot, "world_members", "world_id", history.harbour())).hasSize(3);
        assertThat(rowsOf(snapshot, "lore_entries", "world_id", history.harbour()))
                .extracting(row -> row.get("retired")).containsExactlyInAnyOrder(false, false, true);
        assertThat(rowsOf(snapshot, "house_model_versions", "world_id", history.harbour())).isNotEmpty();
        assertThat(rowsOf(snapshot, "stories", "story_id", history.story()))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("ENDED"));
        assertThat(rowsOf(snapshot, "story_participants", "story_id", history.story())).hasSize(2);
        assertThat(rowsOf(snapshot, "beats", "story_id", history.story()))
                .extracting(row -> row.get("position")).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(rowsOf(snapshot, "beats", "story_id", history.friendsStory())).hasSize(2);
    }

    private static List<Map<String, Object>> rowsOf(ReplayReadModels.Settled snapshot, String table, String column,
            Object value) {
        return snapshot.rows(table).stream().filter(row -> value.equals(row.get(column))).toList();
    }
}
