package io.storyteller.ops.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts GraphQL over plain HTTP, with a bearer token or none, and answers exactly what came back:
 * the status, the raw body and its JSON. Tests of access and limits read errors the way a client
 * must, including the ones turned away before GraphQL runs (401, 413), which a GraphQL client hides.
 */
final class AccessHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;

    AccessHttp(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
    }

    /** @param token the bearer token, or null to send none */
    Reply post(String token, String document, Map<String, Object> variables) {
        return postBody(token, body(document, variables));
    }

    Reply post(String token, String document) {
        return post(token, document, Map.of());
    }

    /** The JSON body of a GraphQL request. */
    static String body(String document, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends the body as given, with its length declared. */
    Reply postBody(String token, String body) {
        return send(token, HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends the body as given in chunks, without declaring its length. */
    Reply postChunked(String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private Reply send(String token, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the endpoint answered. */
    record Reply(int status, String body) {

        /** The value at a JSON path such as {@code $.data.world.settings.name}; null when absent. */
        <T> T read(String path) {
            try {
                return JsonPath.read(body, path);
            } catch (PathNotFoundException absent) {
                return null;
            }
        }

        List<Map<String, Object>> errors() {
            List<Map<String, Object>> errors = read("$.errors");
            return errors == null ? List.of() : errors;
        }

        /** The first error's {@code extensions.classification}. */
        String classification() {
            return read("$.errors[0].extensions.classification");
        }

        String rule() {
            return read("$.errors[0].extensions.rule");
        }

        String field() {
            return read("$.errors[0].extensions.field");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
