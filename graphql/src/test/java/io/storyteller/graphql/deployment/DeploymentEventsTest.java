package io.storyteller.graphql.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.WatchDeployments;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.ModelViews;
import io.storyteller.graphql.fakes.ScriptedQueryGateway.Watch;
import io.storyteller.graphql.story.GraphQlSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** deploymentEvents: the current slots, then each slot as its rollout moves. */
class DeploymentEventsTest extends ApiTest {

    private static final Map<String, Object> SUBSCRIBE = Map.of("id", "1", "type", "subscribe", "payload", Map.of(
            "query", "subscription { deploymentEvents { id traffic { stableWeight canaryWeight shadowMirrored } rollout { step } } }"));

    @LocalServerPort
    int port;

    @Test
    void a_watcher_gets_every_slot_then_each_change_until_it_completes() throws Exception {
        queries.watchInitially(List.of(ModelViews.deployment("narrator:global", null, 0, 0),
                ModelViews.deployment("narrator:world:w1", RolloutPhase.SHADOW, 0, 0)));
        try (GraphQlSocket socket = GraphQlSocket.open(port)) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + managerToken())));
            assertThat(socket.next().get("type").asText()).isEqualTo("connection_ack");

            socket.send(SUBSCRIBE);
            JsonNode global = socket.next();
            JsonNode shadowing = socket.next();
            Watch watch = queries.watches().getFirst();
            await().until(() -> watch.updates().currentSubscriberCount() > 0);
            watch.updates().tryEmitNext(ModelViews.deployment("narrator:world:w1", RolloutPhase.CANARY, 1, 5));
            JsonNode advanced = socket.next();
            socket.send(Map.of("id", "1", "type", "complete"));

            assertThat(global.at("/payload/data/deploymentEvents/id").asText()).isEqualTo("narrator:global");
            assertThat(shadowing.at("/payload/data/deploymentEvents/traffic/shadowMirrored").asBoolean()).isTrue();
            assertThat(advanced.at("/payload/data/deploymentEvents/traffic/canaryWeight").asInt()).isEqualTo(5);
            assertThat(advanced.at("/payload/data/deploymentEvents/traffic/stableWeight").asInt()).isEqualTo(95);
            await().atMost(Duration.ofSeconds(5)).untilTrue(watch.cancelled());
            assertThat(watch.query()).isEqualTo(new WatchDeployments(MANAGER));
            assertThat(watch.initialType()).isEqualTo(ResponseTypes.multipleInstancesOf(DeploymentView.class));
            assertThat(watch.updateType()).isEqualTo(ResponseTypes.instanceOf(DeploymentView.class));
        }
    }
}
