package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.graphql.transport.BoundedSendHandler;
import io.storyteller.graphql.transport.BoundedSendSession;
import io.storyteller.ops.live.StoryWatcherIndex;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;

/**
 * Two sessions of a player watch one story; one stops reading. Once more than its send buffer
 * (storyteller.live.send-buffer) waits for it, the server closes it with 1013 and a reason, while
 * the other session goes on receiving every update, before and after. The updates are sent through
 * the query update emitter, the path every story update takes, in 30 KiB chunks so that the socket
 * buffers fill within seconds.
 */
@EndToEnd
class DroppingASlowSubscriberTest {

    /** Under the 64 KiB frame limit of the reading client. */
    private static final int CHUNK_CHARS = 30 * 1024;
    /** A bound: far more than the loopback socket buffers and the 256 KiB send buffer together. */
    private static final int CHUNKS = 2000;

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    QueryBus queryBus;

    @Autowired
    GraphQlWebSocketHandler webSocketHandler;

    @Autowired
    QueryUpdateEmitter projectionsEmitter;

    @Autowired
    StoryWatcherIndex index;

    @Test
    void aSubscriberThatDoesNotReadIsClosedAsTooSlowWhileAnotherKeepsReceiving() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(port, minter);
        PlayClient admin = new PlayClient(api.as("slow-admin-" + tag, PlatformRole.WORLD_ADMIN));
        String playerId = "slow-player-" + tag;
        String worldId = admin.createWorld("Slow readers " + tag);
        admin.addMember(worldId, playerId, "PLAYER");
        PlayClient player = new PlayClient(api.as(playerId, PlatformRole.PLAYER));
        String storyId = player.startStory(worldId, "The stalled tab");
        // A watch begins by reading the story's read model: before that has the story, it ends as NOT_FOUND.
        await("the story readable").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertThat(player.story(storyId)).isNotNull());
        QueryUpdateEmitter emitter = queryBus.queryUpdateEmitter();
        assertThat(emitter).as("the query bus's update emitter: the one the projections emit to").isSameAs(projectionsEmitter);
        assertThat(webSocketHandler).isInstanceOf(BoundedSendHandler.class);
        BoundedSendHandler handler = (BoundedSendHandler) webSocketHandler;

        try (PlayStoryEvents reader = PlayStoryEvents.watch(api.subscriber(playerId, PlatformRole.PLAYER), storyId)) {
            UnreadSocket stalled = UnreadSocket.subscribe(port, api.token(playerId, PlatformRole.PLAYER), """
                    {"id":"1","type":"subscribe","payload":{"query":"subscription { storyEvents(storyId: \\"%s\\") { kind chunk } }"}}"""
                    .formatted(storyId));
            await("both sessions watching").atMost(Duration.ofSeconds(90))
                    .until(() -> index.watchers(storyId), count -> count == 2);

            // At the pace of the reading session, so that only the stalled one falls behind.
            long droppedBefore = handler.droppedSessions();
            String chunk = "x".repeat(CHUNK_CHARS);
            int sent = 0;
            while (sent < CHUNKS && handler.droppedSessions() == droppedBefore) {
                String requestId = "r-" + sent++;
                emitter.emit(WatchStory.class, watch -> storyId.equals(watch.storyId()),
                        new StoryUpdate(storyId, StoryUpdateKind.NARRATION_PROGRESS, null, requestId, chunk, null));
                if (sent % 4 == 0) {
                    reader.awaitFirst("NARRATION_PROGRESS", update -> requestId.equals(update.requestId()));
                }
            }
            assertThat(handler.droppedSessions()).as("sessions dropped").isEqualTo(droppedBefore + 1);
            // A client that reads again gets what was written before the drop, then the close frame.
            assertThat(stalled.resumeReading(Duration.ofSeconds(30))).isEqualTo(BoundedSendSession.TOO_SLOW_CODE);
            assertThat(stalled.closeReason()).contains("too slow");
            assertThat(stalled.messagesRead()).as("what reached the stalled session").isLessThan(sent);
            await("the stalled session's subscription to end").atMost(Duration.ofSeconds(30))
                    .until(() -> index.watchers(storyId) == 1);
            emitter.emit(WatchStory.class, watch -> storyId.equals(watch.storyId()),
                    new StoryUpdate(storyId, StoryUpdateKind.NARRATION_PROGRESS, null, "after", "still here", null));

            reader.awaitFirst("NARRATION_PROGRESS", update -> "after".equals(update.requestId()));
            assertThat(reader.received("NARRATION_PROGRESS", update -> update.requestId().startsWith("r-")))
                    .as("every update reached the reading session").hasSize(sent);
        }
    }
}
