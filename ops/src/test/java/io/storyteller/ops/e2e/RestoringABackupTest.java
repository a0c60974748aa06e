package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import io.storyteller.ops.cli.StorytellerCommand;
import io.storyteller.ops.e2e.PlayViews.Beat;
import io.storyteller.ops.e2e.PlayViews.BeatConnection;
import io.storyteller.ops.search.SharedSearchNode;
import io.storyteller.ops.search.snapshot.SearchSnapshots;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.search.BeatIndexProjection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Total recovery: a story is played, a backup is taken through the CLI while the application serves,
 * restored into a new data directory, and a second application started there serves the story, its
 * beats and a new turn, having rebuilt its read models and search indexes from the restored log.
 * <p>
 * Like every context of the tests, the second application uses the test JVM's one OpenSearch node
 * ({@code SharedSearchNode}); there is no index prefix, so both applications write the same documents
 * into the same indexes. That the restored one rebuilt them is shown by its search processors, which
 * start without a token and replay the whole log (RecoveryBenchmark restores onto a node of its own).
 * <p>
 * Fast recovery: a backup with the read models ({@code backup create --with-read-models}) holds every
 * read model with its processor's position and a snapshot of the search indexes. Restored into a new
 * data directory, the application started there (on an OpenSearch node of its own, which restores the
 * snapshot) serves the story and finds its beats as soon as it is ready, without replaying the log,
 * and a new turn is indexed after the restored beats, at the next positions.
 */
@EndToEnd
class RestoringABackupTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final List<String> REBUILT = List.of("worlds", "stories", "beat-index", "lore-index");

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore events;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aBackupTakenWhileServingIsRestoredIntoANewDataDirectoryWhereTheStoryGoesOn() throws Exception {
        Api api = new Api(port, minter);
        PlayClient admin = new PlayClient(api.as("restore-admin-" + tag, PlatformRole.WORLD_ADMIN));
        String playerId = "restore-player-" + tag;
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String worldId = admin.createWorld("The Salt Archive " + tag);
        admin.addLore(worldId, "The Ledger", List.of("ledger"), "A ledger lists every ship the sea has taken.", false);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = player.startStory(worldId, "Tide records");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        player.act(storyId, "I open the ledger of the drowned.");
        List<Beat> played = awaitBeats(player, storyId, 2);
        assertThat(played).extracting(Beat::kind).containsExactly("PLAYER_ACTION", "NARRATION");

        Path root = Files.createDirectories(Path.of("target", "e2e-data")).toAbsolutePath();
        Path backup = root.resolve("backup-" + tag);
        assertThat(cli("backup", "create", "--to", backup.toString(), "--data-dir", dataDir.toString()))
                .as("backup create").isZero();
        Path restored = root.resolve("restored-" + tag);
        assertThat(cli("backup", "restore", "--from", backup.toString(), "--data-dir", restored.toString()))
                .as("backup restore").isZero();
        assertThat(restored.resolve("keys/jwt-signing.json")).exists();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(StorytellerApplication.class).run(
                "--server.port=0", "--storyteller.data-dir=" + restored,
                "--storyteller.hub.base-url=http://127.0.0.1:9", "--spring.main.banner-mode=off")) {
            int restoredPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            // tokens the first application issued still work: its signing key came back with the backup
            Api restoredApi = new Api(restoredPort, minter);
            PlayClient restoredPlayer = new PlayClient(restoredApi.as(playerId, PlatformRole.PLAYER));

            List<Beat> served = awaitBeats(restoredPlayer, storyId, 2);
            assertThat(served).isEqualTo(played);
            assertThat(restoredPlayer.story(storyId).title()).isEqualTo("Tide records");
            awaitRebuilt(second);

            restoredPlayer.act(storyId, "I write my own name at the bottom of the ledger.");
            List<Beat> goneOn = awaitBeats(restoredPlayer, storyId, 4);
            assertThat(goneOn.subList(0, 2)).isEqualTo(played);
            assertThat(goneOn.subList(2, 4)).extracting(Beat::kind).containsExactly("PLAYER_ACTION", "NARRATION");
            assertThat(goneOn.get(3).text()).isNotBlank();
        }
    }

    @Test
    void aBackupWithTheReadModelsIsServedAtOnceAfterItsRestoreAndTheStoryGoesOn() throws Exception {
        Api api = new Api(port, minter);
        PlayClient admin = new PlayClient(api.as("fast-restore-admin-" + tag, PlatformRole.WORLD_ADMIN));
        String playerId = "fast-restore-player-" + tag;
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String worldId = admin.createWorld("The Tide Office " + tag);
        admin.addLore(worldId, "The Harbour Clock", List.of("clock"), "The harbour clock runs an hour behind the sea.", false);
        admin.addMember(worldId, playerId, "PLAYER");
        String storyId = player.startStory(worldId, "Low water");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        player.act(storyId, "I wind the harbour clock forward.");
        List<Beat> played = awaitBeats(player, storyId, 2);
        // the beat index has heard the whole log, so the snapshot holds both beats
        awaitAtHead(processing, events, BeatIndexProjection.GROUP);

        Path root = Files.createDirectories(Path.of("target", "e2e-data")).toAbsolutePath();
        Path backup = root.resolve("backup-read-models-" + tag);
        assertThat(cli("backup", "create", "--to", backup.toString(), "--data-dir", dataDir.toString(), "--with-read-models",
                "--search-home", SharedSearchNode.node().directory().toString())).as("backup create").isZero();
        JsonNode manifest = new ObjectMapper().readTree(backup.resolve("manifest.json").toFile());
        assertThat(manifest.get("readModels").asBoolean()).isTrue();
        assertThat(manifest.get("searchSnapshot").toString()).contains(SearchIndex.BEATS.indexName(),
                SearchIndex.STORY_CURSORS.indexName(), SearchIndex.LORE.indexName());
        assertThat(manifest.get("tables").findValuesAsText("table")).contains("stories", "beats", "worlds", "tokenentry");
        assertThat(SharedSearchNode.node().directory().resolve("snapshots")).as("the node's repository is gone").isEmptyDirectory();

        Path restored = root.resolve("restored-read-models-" + tag);
        assertThat(cli("backup", "restore", "--from", backup.toString(), "--data-dir", restored.toString()))
                .as("backup restore").isZero();
        assertThat(SearchSnapshots.pendingDirectory(restored).resolve(SearchSnapshots.PENDING_FILE)).exists();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(StorytellerApplication.class).run(
                "--server.port=0", "--storyteller.data-dir=" + restored,
                // an empty list: an OpenSearch node of its own under the restored directory, which restores the snapshot
                "--storyteller.opensearch.uris=",
                "--storyteller.hub.base-url=http://127.0.0.1:9", "--spring.main.banner-mode=off")) {
            assertThat(SearchSnapshots.pendingDirectory(restored)).as("the snapshot was restored and removed").doesNotExist();
            EventProcessingConfiguration restoredProcessing = second.getBean(EventProcessingConfiguration.class);
            for (String group : List.of("stories", BeatIndexProjection.GROUP)) {
                StreamingEventProcessor processor = restoredProcessing.eventProcessor(group, StreamingEventProcessor.class)
                        .orElseThrow();
                assertThat(processor.processingStatus().values()).as(group + " goes on, it does not replay")
                        .noneMatch(EventTrackerStatus::isReplaying);
            }
            OpenSearchClient search = second.getBean(OpenSearchClient.class);
            assertThat(positions(search, storyId)).as("the restored index, before anything was replayed").containsExactly(1, 2);

            int restoredPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            PlayClient restoredPlayer = new PlayClient(new Api(restoredPort, minter).as(playerId, PlatformRole.PLAYER));
            // served from the restored read model at once: no wait for a replay
            assertThat(restoredPlayer.beats(storyId, 20, null).beats()).isEqualTo(played);

            restoredPlayer.act(storyId, "I set the clock by the tide instead.");
            List<Beat> goneOn = awaitBeats(restoredPlayer, storyId, 4);
            assertThat(goneOn.subList(0, 2)).isEqualTo(played);
            awaitAtHead(restoredProcessing, second.getBean(EventStore.class), BeatIndexProjection.GROUP);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(positions(search, storyId)).containsExactly(1, 2, 3, 4));
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Object> positions(OpenSearchClient search, String storyId) throws IOException {
        search.indices().refresh(r -> r.index(SearchIndex.BEATS.indexName()));
        return search.search(s -> s.index(SearchIndex.BEATS.indexName()).size(20)
                        .query(q -> q.term(t -> t.field("storyId").value(FieldValue.of(storyId))))
                        .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc))), Map.class)
                .hits().hits().stream().map(Hit::source).map(source -> (Object) ((Map) source).get("position")).toList();
    }

    private static void awaitAtHead(EventProcessingConfiguration processing, EventStore events, String group) {
        long head = events.createHeadToken().position().orElseThrow();
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(processor.processingStatus().values()).isNotEmpty()
                .allSatisfy(status -> assertThat(status.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head)));
    }

    /** Every read model and search index processor of the restored application replayed the log up to its head. */
    private static void awaitRebuilt(ConfigurableApplicationContext context) {
        long head = context.getBean(EventStore.class).createHeadToken().position().orElseThrow();
        EventProcessingConfiguration processing = context.getBean(org.axonframework.config.Configuration.class)
                .eventProcessingConfiguration();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String group : REBUILT) {
                StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
                assertThat(processor.processingStatus().values()).as(group).isNotEmpty()
                        .allSatisfy(status -> assertThat(position(status)).as(group).isGreaterThanOrEqualTo(head));
            }
        });
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }

    private static List<Beat> awaitBeats(PlayClient client, String storyId, int count) {
        BeatConnection[] page = new BeatConnection[1];
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            page[0] = client.beats(storyId, 20, null);
            assertThat(page[0].beats()).hasSize(count).last().extracting(Beat::kind).isEqualTo("NARRATION");
        });
        return page[0].beats();
    }

    private static int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StorytellerCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        System.out.println(String.join(" ", args) + " -> " + exit + "\n" + out + err);
        return exit;
    }
}
