package io.storyteller.graphql.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.ScriptedQueryGateway.Watch;
import io.storyteller.graphql.fakes.Views;
import java.time.Duration;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** storyEvents over GraphQL-over-WebSocket, authenticated by the connection_init payload. */
class StoryEventsTest extends ApiTest {

    private static final Map<String, Object> SUBSCRIBE = Map.of("id", "1", "type", "subscribe", "payload", Map.of(
            "query", "subscription { storyEvents(storyId: \"s1\") { storyId kind requestId chunk beat { id kind } } }"));

    @LocalServerPort
    int port;

    @Test
    void a_watcher_receives_the_story_updates_until_it_completes_the_subscription() throws Exception {
        queries.watchedStory(Views.story("s1", "w1"));
        try (GraphQlSocket socket = GraphQlSocket.open(port)) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + aliceToken())));
            assertThat(socket.next().get("type").asText()).isEqualTo("connection_ack");

            socket.send(SUBSCRIBE);
            Watch watch = await().until(() -> queries.watches().stream().findFirst().orElse(null), w -> w != null);
            await().until(() -> watch.updates().currentSubscriberCount() > 0);
            watch.updates().tryEmitNext(new StoryUpdate("s1", StoryUpdateKind.NARRATION_PROGRESS, null, "r1", "The door ", null));
            watch.updates().tryEmitNext(new StoryUpdate("s1", StoryUpdateKind.BEAT_ADDED, Views.narration("s1", 2), "r1", null, null));

            JsonNode progress = socket.next();
            JsonNode added = socket.next();
            socket.send(Map.of("id", "1", "type", "complete"));

            assertThat(progress.get("type").asText()).isEqualTo("next");
            assertThat(progress.at("/payload/data/storyEvents/kind").asText()).isEqualTo("NARRATION_PROGRESS");
            assertThat(progress.at("/payload/data/storyEvents/chunk").asText()).isEqualTo("The door ");
            assertThat(added.at("/payload/data/storyEvents/beat/id").asText()).isEqualTo("b2");
            await().atMost(Duration.ofSeconds(5)).untilTrue(watch.cancelled());
            assertThat(watch.query()).isEqualTo(new WatchStory("s1", ALICE));
            assertThat(watch.initialType()).isEqualTo(ResponseTypes.optionalInstanceOf(StoryView.class));
            assertThat(watch.updateType()).isEqualTo(ResponseTypes.instanceOf(StoryUpdate.class));
        }
    }

    @Test
    void a_disconnecting_client_cancels_its_subscription_query() throws Exception {
        queries.watchedStory(Views.story("s1", "w1"));
        GraphQlSocket socket = GraphQlSocket.open(port);
        socket.send(Map.of("type", "connection_init", "payload", Map.of("authorization", "Bearer " + aliceToken())));
        socket.next();
        socket.send(SUBSCRIBE);
        Watch watch = await().until(() -> queries.watches().stream().findFirst().orElse(null), w -> w != null);
        await().until(() -> watch.updates().currentSubscriberCount() > 0);

        socket.close();

        await().atMost(Duration.ofSeconds(5)).untilTrue(watch.cancelled());
    }

    @Test
    void a_story_the_caller_may_not_see_is_not_found() throws Exception {
        queries.watchedStory(null);
        try (GraphQlSocket socket = GraphQlSocket.open(port)) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + aliceToken())));
            socket.next();
            socket.send(SUBSCRIBE);

            JsonNode error = socket.next();

            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.at("/payload/0/extensions/classification").asText()).isEqualTo("NOT_FOUND");
            assertThat(error.at("/payload/0/extensions/field").asText()).isEqualTo("storyId");
            await().atMost(Duration.ofSeconds(5)).until(() -> queries.watches().getFirst().cancelled().get());
        }
    }

    @Test
    void a_handshake_with_a_bearer_header_needs_no_token_in_connection_init() throws Exception {
        queries.watchedStory(Views.story("s1", "w1"));
        try (GraphQlSocket socket = GraphQlSocket.openWithBearer(port, aliceToken())) {
            socket.send(Map.of("type", "connection_init"));
            assertThat(socket.next().get("type").asText()).isEqualTo("connection_ack");
            socket.send(SUBSCRIBE);

            Watch watch = await().until(() -> queries.watches().stream().findFirst().orElse(null), w -> w != null);

            assertThat(watch.query()).isEqualTo(new WatchStory("s1", ALICE));
        }
    }

    @Test
    void once_the_token_expires_new_subscriptions_are_unauthorized() throws Exception {
        queries.watchedStory(Views.story("s1", "w1"));
        try (GraphQlSocket socket = GraphQlSocket.open(port)) {
            String shortLived = tokens.mint("alice", ALICE_ROLES, Duration.ofSeconds(1));
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + shortLived)));
            socket.next();
            Thread.sleep(1_500);

            socket.send(SUBSCRIBE);
            JsonNode error = socket.next();

            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.at("/payload/0/extensions/classification").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(queries.watches()).isEmpty();
        }
    }

    @Test
    void a_connection_without_a_token_is_closed_as_unauthorized() throws Exception {
        try (GraphQlSocket socket = GraphQlSocket.open(port)) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of()));

            assertThat(socket.closeStatus().getCode()).isEqualTo(4401);
        }
    }

    @Test
    void a_connection_with_a_bad_token_is_closed_as_unauthorized() throws Exception {
        try (GraphQlSocket socket = GraphQlSocket.open(port)) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer not.a.token")));

            assertThat(socket.closeStatus().getCode()).isEqualTo(4401);
        }
        assertThat(queries.watches()).isEmpty();
    }
}
