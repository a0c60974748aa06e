package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A running Storyteller server's GraphQL endpoint, for tools that act through it (so that what
 * they do is decided and recorded by the server like any other call).
 */
public class ServerConnection {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "the server's address (default: ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", defaultValue = "${env:STORYTELLER_TOKEN}",
            description = "an access token of a platform admin or the model manager (default: $STORYTELLER_TOKEN)")
    String token;

    /** Runs one operation; returns {@code data}, or throws with the errors' messages, fields and rules. */
    JsonNode call(String document, Map<String, Object> variables) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token: pass --token or set STORYTELLER_TOKEN");
        }
        try {
            String body = json.writeValueAsString(Map.of("query", document, "variables", variables));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/graphql"))
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token.strip())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body().isBlank() ? "{}" : response.body());
            if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
                StringBuilder told = new StringBuilder();
                answer.path("errors").forEach(error -> told.append(error.path("message").asText())
                        .append(error.path("extensions").has("rule") ? " [" + error.path("extensions").path("field").asText()
                                + ": " + error.path("extensions").path("rule").asText() + "]" : "").append('\n'));
                throw new IllegalStateException(told.toString().strip());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(server + " answered HTTP " + response.statusCode());
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new IllegalStateException(server + " could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }
}
