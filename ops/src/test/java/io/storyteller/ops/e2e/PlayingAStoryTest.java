package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.PlayViews.Beat;
import io.storyteller.ops.e2e.PlayViews.BeatConnection;
import io.storyteller.ops.e2e.PlayViews.Story;
import io.storyteller.ops.e2e.PlayViews.Update;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A world admin builds a world, a player plays a story in it narrated by the world's house model,
 * and watches it live over the WebSocket; all through the real GraphQL endpoint.
 */
@EndToEnd
class PlayingAStoryTest {

    private static final String SUBMIT = """
            mutation($storyId: ID!, $text: String!) {
              submitPlayerAction(storyId: $storyId, text: $text) { actionBeatId }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    private Api api;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String adminId = "play-admin-" + tag;
    private final String playerId = "play-player-" + tag;
    private final String friendId = "play-friend-" + tag;
    private final String strangerId = "play-stranger-" + tag;
    private PlayClient admin;
    private PlayClient player;

    @BeforeEach
    void callers() {
        api = new Api(port, minter);
        admin = new PlayClient(api.as(adminId, PlatformRole.WORLD_ADMIN));
        player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
    }

    @Test
    void aPlayerPlaysAStoryThatTheWorldsHouseModelNarratesWhileTheyWatchItLive() {
        String worldId = admin.createWorld("The Drowned Bells " + tag);
        String bellLore = admin.addLore(worldId, "The Drowned Bell", List.of("bell", "belfry"),
                "A bronze bell hangs in the sunken church and rings when a storm comes.", false);
        String fogLore = admin.addLore(worldId, "Salt Fog", List.of(),
                "A cold salt fog lies over the coast every night.", true);
        String lighthouseLore = admin.addLore(worldId, "The Dark Lighthouse", List.of("lighthouse"),
                "The lighthouse has been dark since the keeper vanished.", false);
        admin.addMember(worldId, playerId, "PLAYER");
        admin.addMember(worldId, friendId, "PLAYER");
        String storyId = startedStory(player, worldId, "The bell below");

        try (PlayStoryEvents events = PlayStoryEvents.watch(api.subscriber(playerId, PlatformRole.PLAYER), storyId)
                .awaitLive(() -> player.setAuthorsNote(storyId, "Keep it eerie."))) {

            // The first turn: the action, the checked narration's text shown, then the narration itself.
            String actionId = player.act(storyId, "I ring the old bell at the harbour.");
            Beat action = events.awaitFirst("BEAT_ADDED", u -> u.isAbout(actionId)).beat();
            assertThat(action.kind()).isEqualTo("PLAYER_ACTION");
            assertThat(action.playerId()).isEqualTo(playerId);
            assertThat(action.position()).isEqualTo(1);
            assertThat(action.text()).isEqualTo("I ring the old bell at the harbour.");
            assertThat(action.provenance()).isNull();

            Update narrated = events.awaitFirst("BEAT_ADDED", PlayingAStoryTest::isNarration);
            Beat narration = narrated.beat();
            List<Update> chunks = events.received("NARRATION_PROGRESS", u -> actionId.equals(u.requestId()));
            assertThat(chunks).as("the narration's text shown for request %s", actionId).hasSize(1)
                    .allSatisfy(chunk -> assertThat(events.arrivalOf(chunk)).isLessThan(events.arrivalOf(narrated)));
            assertThat(narration.text()).as("the recorded narration is the text shown before it")
                    .isNotBlank().isEqualTo(joined(chunks).strip());
            assertThat(narration.position()).isEqualTo(2);
            assertThat(narration.playerId()).isNull();
            assertThat(narration.alternatives()).containsExactly(narration.text());
            assertThat(narration.selectedAlternative()).isZero();

            var provenance = narration.provenance();
            assertThat(provenance.modelVersion()).matches("[1-9][0-9]*");
            assertThat(provenance.model()).isEqualTo("house:" + worldId + ":v" + provenance.modelVersion());
            // The lighthouse entry's key does not occur; search may still recall it by meaning.
            assertThat(provenance.loreEntryIds()).as("lore given to the narrator").contains(bellLore, fogLore);
            assertThat(provenance.promptDigest()).isNotBlank();
            assertThat(provenance.promptTokens()).isPositive();
            assertThat(provenance.completionTokens()).isPositive();
            assertThat(provenance.latencyMillis()).isNotNegative();

            // The story's beats, a page at a time.
            BeatConnection firstPage = player.beats(storyId, 1, null);
            assertThat(firstPage.totalCount()).isEqualTo(2);
            assertThat(firstPage.beats()).extracting(Beat::id).containsExactly(actionId);
            assertThat(firstPage.pageInfo().hasNextPage()).isTrue();
            assertThat(firstPage.pageInfo().hasPreviousPage()).isFalse();
            assertThat(firstPage.pageInfo().startCursor()).isEqualTo(firstPage.edges().getFirst().cursor())
                    .isEqualTo(firstPage.pageInfo().endCursor());
            BeatConnection secondPage = player.beats(storyId, 1, firstPage.pageInfo().endCursor());
            assertThat(secondPage.totalCount()).isEqualTo(2);
            assertThat(secondPage.beats()).containsExactly(narration);
            assertThat(secondPage.pageInfo().hasNextPage()).isFalse();
            assertThat(secondPage.pageInfo().hasPreviousPage()).isTrue();

            // A retry stacks a second alternative on the narration and selects it.
            String retryId = player.retryNarration(storyId);
            Beat retried = events.awaitFirst("BEAT_CHANGED",
                    u -> u.isAbout(narration.id()) && u.beat().alternatives().size() == 2).beat();
            assertThat(retried.selectedAlternative()).isEqualTo(1);
            assertThat(retried.alternatives().getFirst()).isEqualTo(narration.text());
            assertThat(retried.text()).isEqualTo(retried.alternatives().get(1));
            assertThat(retried.provenance().model()).startsWith("house:" + worldId + ":v");
            List<Update> retryChunks = events.received("NARRATION_PROGRESS", u -> retryId.equals(u.requestId()));
            assertThat(retryChunks).hasSize(1);
            assertThat(retried.text()).isEqualTo(joined(retryChunks).strip());

            // Back to the first alternative, then a hand edit and a rating.
            player.selectAlternative(storyId, narration.id(), 0);
            Beat reselected = events.awaitFirst("BEAT_CHANGED",
                    u -> u.isAbout(narration.id()) && u.beat().selectedAlternative() == 0).beat();
            assertThat(reselected.text()).isEqualTo(narration.text());
            assertThat(reselected.provenance()).isEqualTo(narration.provenance());

            player.editBeat(storyId, narration.id(), "The bell answers from under the water.");
            Beat edited = events.awaitFirst("BEAT_CHANGED", u -> u.isAbout(narration.id()) && u.beat().edited()).beat();
            assertThat(edited.text()).isEqualTo("The bell answers from under the water.");
            assertThat(edited.originalText()).isEqualTo(narration.text());
            assertThat(edited.selectedAlternative()).isZero();

            player.rateBeat(storyId, narration.id(), 4);
            Beat rated = events.awaitFirst("BEAT_CHANGED",
                    u -> u.isAbout(narration.id()) && u.beat().rating() != null).beat();
            assertThat(rated.rating()).isEqualTo(4);
            Beat stored = player.beats(storyId, 10, null).beats().get(1);
            assertThat(stored.rating()).isEqualTo(4);
            assertThat(stored.edited()).isTrue();
            assertThat(stored.originalText()).isEqualTo(narration.text());
            assertThat(stored.alternatives()).hasSize(2);

            player.setPinnedMemory(storyId, "My sister drowned in this harbour.");
            await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() -> {
                Story story = player.story(storyId);
                assertThat(story.authorsNote()).isEqualTo("Keep it eerie.");
                assertThat(story.pinnedMemory()).isEqualTo("My sister drowned in this harbour.");
            });

            // A second turn, erased again.
            String secondActionId = player.act(storyId, "I walk along the shore to the lighthouse.");
            Beat secondNarration = events.awaitFirst("BEAT_ADDED",
                    u -> isNarration(u) && u.beat().position() == 4).beat();
            assertThat(secondNarration.provenance().loreEntryIds()).contains(lighthouseLore, fogLore);
            player.eraseBeats(storyId, secondActionId);
            Update erased = events.awaitFirst("BEATS_ERASED");
            assertThat(erased.beat().id()).as("the first erased beat").isEqualTo(secondActionId);
            assertThat(player.beats(storyId, 10, null).beats())
                    .extracting(Beat::id, Beat::position)
                    .containsExactly(tuple(actionId, 1), tuple(narration.id(), 2));
            assertThat(player.story(storyId).beatCount()).isEqualTo(2);

            // Party play: an invited member of the world acts in the story.
            player.invite(storyId, friendId);
            await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() ->
                    assertThat(player.story(storyId).participants()).containsExactlyInAnyOrder(playerId, friendId));
            PlayClient friend = new PlayClient(api.as(friendId, PlatformRole.PLAYER));
            String friendActionId = friend.act(storyId, "I light a lantern and follow you.");
            Beat friendAction = events.awaitFirst("BEAT_ADDED", u -> u.isAbout(friendActionId)).beat();
            assertThat(friendAction.playerId()).isEqualTo(friendId);
            assertThat(friendAction.position()).isEqualTo(3);
            events.awaitFirst("BEAT_ADDED",
                    u -> isNarration(u) && u.beat().position() == 4 && !u.isAbout(secondNarration.id()));
            BeatConnection all = friend.beats(storyId, 10, null);
            assertThat(all.totalCount()).isEqualTo(4);
            assertThat(all.beats()).extracting(Beat::position).containsExactly(1, 2, 3, 4);
            assertThat(all.beats()).extracting(Beat::kind)
                    .containsExactly("PLAYER_ACTION", "NARRATION", "PLAYER_ACTION", "NARRATION");

            // The end: nobody acts in an ended story.
            player.endStory(storyId);
            events.awaitFirst("STORY_ENDED");
            List<ResponseError> rejected = player.errors(SUBMIT, Map.of("storyId", storyId, "text", "One more ring."));
            assertThat(rejected).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("classification", "CONFLICT")
                        .containsEntry("field", "storyId").containsEntry("rule", "active");
            });
        }
    }

    @Test
    void someoneOutsideTheWorldCanNeitherSeeNorWatchNorActInItsStories() {
        String worldId = admin.createWorld("The Walled Garden " + tag);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = startedStory(player, worldId, "Behind the wall");
        PlayClient stranger = new PlayClient(api.as(strangerId, PlatformRole.PLAYER));

        assertThat(stranger.story(storyId)).as("the story, to a stranger").isNull();

        try (PlayStoryEvents events = PlayStoryEvents.watch(api.subscriber(strangerId, PlatformRole.PLAYER), storyId)) {
            Throwable failure = events.awaitFailure();
            assertThat(failure).isInstanceOf(SubscriptionErrorException.class);
            assertThat(((SubscriptionErrorException) failure).getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "NOT_FOUND"));
        }

        List<ResponseError> rejected = stranger.errors(SUBMIT, Map.of("storyId", storyId, "text", "I climb the wall."));
        assertThat(rejected).singleElement().satisfies(error -> assertThat(error.getExtensions())
                .containsEntry("classification", "FORBIDDEN").containsEntry("rule", "story-participant"));
        assertThat(player.story(storyId).beatCount()).isZero();
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() throws Exception {
        ResponseEntity<String> response = post(null, "{ me { userId } }", Map.of());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode error = new ObjectMapper().readTree(response.getBody()).path("errors").path(0);
        assertThat(error.path("extensions").path("classification").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aBlankWorldNameIsABadRequestNamingFieldAndRuleAndNothingOfTheServersInternals() throws Exception {
        ResponseEntity<String> response = post(api.token(adminId, PlatformRole.WORLD_ADMIN), """
                mutation($name: String!) {
                  createWorld(settings: {name: $name, premise: "p", genre: "g", tone: "t", contentRating: EVERYONE}) {
                    worldId
                  }
                }""", Map.of("name", "   "));

        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.path("errors")).hasSize(1);
        JsonNode extensions = body.path("errors").path(0).path("extensions");
        assertThat(extensions.path("classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(extensions.path("field").asText()).isEqualTo("settings.name");
        assertThat(extensions.path("rule").asText()).isEqualTo("required");
        assertThat(body.path("data").path("createWorld").isMissingNode() || body.path("data").path("createWorld").isNull())
                .as("no world in the answer").isTrue();
        assertThat(response.getBody()).as("the whole response")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("\tat ", "at io.", "at java.", "io.storyteller", "org.axonframework", "stackTrace");
    }

    @Test
    void aNarrationThatFailsIsAnnouncedToWatchersAndARetryNarratesTheAction() throws Exception {
        String worldId = admin.createWorld("The Unlit Shore " + tag);
        // A file where the world's house model would be stored: the first narration cannot train one.
        Path obstruction = dataDir.resolve("models").resolve("house").resolve(worldId);
        Files.createDirectories(obstruction.getParent());
        Files.writeString(obstruction, "not a house model directory");
        try {
            admin.addLore(worldId, "The Tide", List.of("tide"), "The tide comes in twice a night here.", true);
            admin.addMember(worldId, playerId, "PLAYER");
            String storyId = startedStory(player, worldId, "Low water");

            try (PlayStoryEvents events = PlayStoryEvents.watch(api.subscriber(playerId, PlatformRole.PLAYER), storyId)
                    .awaitLive(() -> player.setAuthorsNote(storyId, "Slow and quiet."))) {
                String actionId = player.act(storyId, "I wait for the tide on the rocks.");

                Update failed = events.awaitFirst("NARRATION_FAILED", u -> actionId.equals(u.requestId()));
                assertThat(failed.reason()).isNotBlank().doesNotContain(dataDir.toString(), "\tat ");
                await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions().untilAsserted(() -> {
                    Story story = player.story(storyId);
                    assertThat(story.narrationPending()).isFalse();
                    assertThat(story.beatCount()).isEqualTo(1);
                });

                Files.delete(obstruction);
                String retryId = player.retryNarration(storyId);
                Beat narration = events.awaitFirst("BEAT_ADDED", PlayingAStoryTest::isNarration).beat();
                List<Update> chunks = events.received("NARRATION_PROGRESS", u -> retryId.equals(u.requestId()));
                assertThat(chunks).hasSize(1);
                assertThat(narration.text()).isEqualTo(joined(chunks).strip());
                assertThat(narration.position()).isEqualTo(2);
                assertThat(narration.provenance().model()).startsWith("house:" + worldId + ":v");
                assertThat(events.received("NARRATION_FAILED", u -> true)).hasSize(1);
            }
        } finally {
            if (Files.isRegularFile(obstruction)) {
                Files.delete(obstruction);
            }
        }
    }

    /** Starts a story and returns its id once the starter can read it (the read model follows the events). */
    private static String startedStory(PlayClient starter, String worldId, String title) {
        String storyId = starter.startStory(worldId, title);
        await().atMost(PlayStoryEvents.PATIENCE).ignoreExceptions()
                .untilAsserted(() -> assertThat(starter.story(storyId)).isNotNull());
        return storyId;
    }

    private static boolean isNarration(Update update) {
        return update.beat() != null && "NARRATION".equals(update.beat().kind());
    }

    private static String joined(List<Update> chunks) {
        return chunks.stream().map(Update::chunk).collect(Collectors.joining());
    }

    /** A raw POST to the GraphQL endpoint, so that the whole body and the status can be inspected. */
    private ResponseEntity<String> post(String token, String query, Map<String, Object> variables) {
        return WebClient.create("http://localhost:" + port + "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchangeToMono(answer -> answer.toEntity(String.class))
                .block(Api.timeout());
    }
}
