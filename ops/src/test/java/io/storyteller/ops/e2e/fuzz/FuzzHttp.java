package io.storyteller.ops.e2e.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts to the real endpoint over plain HTTP and answers exactly what came back, or the transport
 * failure as a status of -1. Bodies are written with every non-ASCII character escaped, so that a
 * lone surrogate reaches the server as the JSON escape {@code \ud800} instead of being mangled into
 * '?' by the UTF-8 encoder.
 */
final class FuzzHttp {

    static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    static final String JSON_TYPE = "application/json";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PATIENCE).build();
    private final URI endpoint;

    FuzzHttp(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
    }

    /** @param token the bearer token, or null to send none */
    Reply post(String token, String document, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        return send(token, JSON_TYPE, json(request));
    }

    /** Sends the body as given, under the content type given (none when null). */
    Reply send(String token, String contentType, String body) {
        return send(token, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends the bytes as given, which need not be UTF-8. */
    Reply send(String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(PATIENCE)
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, "transport failure: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** What the endpoint answered. */
    record Reply(int status, String body) {

        /** The value at a JSON path such as {@code $.data.world.id}; null when absent or the body is no JSON. */
        <T> T read(String path) {
            try {
                return JsonPath.read(body, path);
            } catch (PathNotFoundException | IllegalArgumentException | com.jayway.jsonpath.InvalidJsonException absent) {
                return null;
            }
        }

        List<Map<String, Object>> errors() {
            Object errors = read("$.errors");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = errors instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
            return list;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…(" + body.length() + " chars)" : body);
        }
    }
}
