package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.e2e.PlayViews.Update;
import io.storyteller.ops.instances.LiveRelay;
import io.storyteller.ops.search.SearchEndpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one PostgreSQL, one OpenSearch and one data directory, as on the
 * JDBC event store in production: the shared end-to-end application, and a second one started here
 * with an instance id of its own, on the first's database, search node and data directory (the
 * files every instance reads: model versions, exported datasets, the local signing key). The processors' segments are shared between them;
 * commands for one story are sent to either, alternately; and a story watched on each instance
 * streams every turn, whichever instance projected its events and generated its narrations.
 */
@EndToEnd
class SeveralInstancesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int TURNS = 6;

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveRelay relay;
    @Autowired
    SearchEndpoint search;
    @Value("${storyteller.data-dir}")
    Path dataDir;
    @Value("${storyteller.instances.id}")
    String firstId;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoInstancesShareTheSegmentsTheCommandsAndTheSubscriptionsOfOneStory() throws Exception {
        String secondId = "second-" + tag;
        try (ConfigurableApplicationContext second = startSecond(secondId)) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

            // Segments: each processor's are shared between the two (narration has four, the others two)
            await("the narration segments claimed by both instances").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> owners("narration"), owners -> owners.equals(Set.of(firstId, secondId)));
            await("the story projection's segments claimed by both instances").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> owners("stories"), owners -> owners.equals(Set.of(firstId, secondId)));
            assertThat(segmentsOf("narration")).containsOnly(Map.entry(firstId, 2L), Map.entry(secondId, 2L));

            Api first = new Api(port, minter);
            Api other = new Api(secondPort, minter);
            String adminId = "instances-admin-" + tag;
            String playerId = "instances-player-" + tag;
            PlayClient admin = new PlayClient(first.as(adminId, PlatformRole.WORLD_ADMIN));
            String worldId = admin.createWorld("Two harbours " + tag);
            admin.addMember(worldId, playerId, "PLAYER");
            PlayClient onFirst = new PlayClient(first.as(playerId, PlatformRole.PLAYER));
            PlayClient onSecond = new PlayClient(other.as(playerId, PlatformRole.PLAYER));
            String storyId = onSecond.startStory(worldId, "Two lamps");
            await("the story readable on the first").atMost(PATIENCE).ignoreExceptions()
                    .until(() -> onFirst.story(storyId) != null);

            try (PlayStoryEvents watchedOnFirst = PlayStoryEvents.watch(first.subscriber(playerId, PlatformRole.PLAYER), storyId)
                         .awaitLive(() -> onFirst.setAuthorsNote(storyId, "Lamps on both quays."));
                 PlayStoryEvents watchedOnSecond = PlayStoryEvents.watch(other.subscriber(playerId, PlatformRole.PLAYER), storyId)
                         .awaitLive(() -> onFirst.setAuthorsNote(storyId, "Lamps on both quays, again."))) {
                List<String> actions = new ArrayList<>();
                for (int turn = 1; turn <= TURNS; turn++) {
                    PlayClient via = turn % 2 == 1 ? onFirst : onSecond;
                    String actionId = via.act(storyId, "I cross to the other quay (turn " + turn + ").");
                    actions.add(actionId);
                    for (PlayStoryEvents watch : List.of(watchedOnFirst, watchedOnSecond)) {
                        watch.awaitFirst("BEAT_ADDED", u -> u.beat().kind().equals("NARRATION")
                                && u.beat().position() == 2 * actions.size());
                    }
                }

                for (PlayStoryEvents watch : List.of(watchedOnFirst, watchedOnSecond)) {
                    assertThat(watch.received("BEAT_ADDED", u -> u.beat().kind().equals("PLAYER_ACTION")))
                            .extracting(u -> u.beat().id()).containsExactlyElementsOf(actions);
                    assertThat(watch.received("BEAT_ADDED", u -> u.beat().kind().equals("NARRATION")))
                            .extracting(u -> u.beat().position()).containsExactly(2, 4, 6, 8, 10, 12);
                    assertThat(watch.received("NARRATION_PROGRESS", u -> true)).as("narration text streamed")
                            .extracting(Update::requestId).containsAll(actions);
                }
            }
            assertThat(onFirst.story(storyId).beatCount()).isEqualTo(2 * TURNS);
            assertThat(onSecond.story(storyId).beatCount()).isEqualTo(2 * TURNS);
            assertThat(relay.received()).as("messages relayed from the second instance").isPositive();
            assertThat(second.getBean(LiveRelay.class).received()).as("messages relayed from the first").isPositive();
        }

        // The second gone, the first claims every segment again
        await("every narration segment back with the first").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> segmentsOf("narration"), claims -> claims.equals(Map.of(firstId, 4L)));
    }

    private ConfigurableApplicationContext startSecond(String instanceId) throws Exception {
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            url = metaData.getURL();
            user = metaData.getUserName();
        }
        return new SpringApplicationBuilder(StorytellerApplication.class).run(
                "--server.port=0",
                "--storyteller.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--storyteller.opensearch.uris=" + search.uris().getFirst(),
                "--storyteller.instances.id=" + instanceId,
                "--storyteller.instances.heartbeat=1s",
                "--storyteller.instances.balance-every=2s",
                "--storyteller.instances.release-for=5s",
                "--storyteller.seed.enabled=false",
                "--storyteller.discovery.enabled=false",
                "--storyteller.hub.base-url=http://127.0.0.1:9");
    }

    private Set<String> owners(String processor) {
        return segmentsOf(processor).keySet();
    }

    private Map<String, Long> segmentsOf(String processor) {
        return jdbc.sql("SELECT owner FROM tokenentry WHERE processorname = :name AND owner IS NOT NULL")
                .param("name", processor).query(String.class).list().stream()
                .collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }
}
