package io.storyteller.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/** The mutations a load run makes over HTTP, as callers whose tokens it mints with the server's local key. */
final class LoadApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI graphQl;
    private final TokenMinter minter;
    private final HttpClient http;

    LoadApi(URI graphQl, TokenMinter minter, HttpClient http) {
        this.graphQl = graphQl;
        this.minter = minter;
        this.http = http;
    }

    String token(String userId, PlatformRole role) {
        return minter.mint(userId, EnumSet.of(role), Duration.ofHours(12));
    }

    String createWorld(String adminToken, String name) {
        return call(adminToken, """
                mutation($name: String!) {
                  createWorld(settings: {name: $name, premise: "A harbour town where the fog keeps its own counsel.",
                                         genre: "mystery", tone: "quiet", contentRating: TEEN}) { worldId }
                }""", Map.of("name", name)).path("createWorld").path("worldId").asText();
    }

    void addPlayer(String adminToken, String worldId, String userId) {
        call(adminToken, "mutation($w: ID!, $u: ID!) { addWorldMember(worldId: $w, userId: $u, role: PLAYER) { userId } }",
                Map.of("w", worldId, "u", userId));
    }

    String startStory(String token, String worldId, String title) {
        return call(token, "mutation($w: ID!, $t: String!) { startStory(worldId: $w, title: $t) { storyId } }",
                Map.of("w", worldId, "t", title)).path("startStory").path("storyId").asText();
    }

    /** Returns the action beat's id, which is also its narration's request id. */
    String act(String token, String storyId, String text) {
        return call(token, "mutation($s: ID!, $t: String!) { submitPlayerAction(storyId: $s, text: $t) { actionBeatId } }",
                Map.of("s", storyId, "t", text)).path("submitPlayerAction").path("actionBeatId").asText();
    }

    /** Runs one operation; returns {@code data}, or throws with the errors' messages. */
    JsonNode call(String token, String document, Map<String, Object> variables) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphQl)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
            if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
                throw new IllegalStateException(answer.path("errors").get(0).path("message").asText());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(graphQl + " answered HTTP " + response.statusCode());
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new IllegalStateException(graphQl + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
