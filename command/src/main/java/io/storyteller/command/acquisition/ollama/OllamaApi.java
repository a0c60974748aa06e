package io.storyteller.command.acquisition.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyteller.command.endpoint.NetworkFailures;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Model management on one Ollama server, through its HTTP API: {@code GET /api/tags},
 * {@code POST /api/show}, {@code POST /api/pull} (streamed NDJSON progress), {@code POST /api/copy}
 * and {@code DELETE /api/delete}. Failures become {@link OllamaApiException}s fit to show.
 */
public class OllamaApi {

    private static final int MAX_ERROR = 300;

    private final ProviderEndpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public OllamaApi(ProviderEndpoint endpoint) {
        this.endpoint = endpoint;
        // HTTP/1.1: no h2c upgrade dance with a plain-HTTP Ollama.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public List<OllamaModelSummary> tags() {
        JsonNode models = read(send(request("/api/tags").GET())).path("models");
        List<OllamaModelSummary> listed = new ArrayList<>();
        models.forEach(model -> listed.add(OllamaJson.summary(model)));
        return listed;
    }

    public OllamaModelDetails show(String model) {
        return OllamaJson.details(model, read(send(request("/api/show").POST(body(object().put("model", model))))));
    }

    public void copy(String source, String destination) {
        send(request("/api/copy").POST(body(object().put("source", source).put("destination", destination))));
    }

    public void delete(String model) {
        send(request("/api/delete").method("DELETE", body(object().put("model", model))));
    }

    /**
     * Pulls {@code model}, handing every progress line to {@code progress}; returns once the server
     * says {@code success}. An {@code error} line, or a stream that ends without success, fails it.
     */
    public void pull(String model, Consumer<OllamaPullLine> progress) {
        HttpRequest request = request("/api/pull").POST(body(object().put("model", model).put("stream", true))).build();
        HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw failure(response.statusCode(), String.join("\n", lines.limit(20).toList()));
            }
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String text = it.next();
                if (text.isBlank()) {
                    continue;
                }
                OllamaPullLine line = OllamaJson.pullLine(parse(text));
                if (line.error() != null) {
                    throw new OllamaApiException(endpoint.location() + " could not pull " + model + ": "
                            + OllamaJson.clean(line.error(), MAX_ERROR), response.statusCode());
                }
                progress.accept(line);
                if (line.succeeded()) {
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            throw new OllamaApiException(endpoint.location() + " broke off the pull of " + model, 0);
        }
        throw new OllamaApiException(endpoint.location() + " ended the pull of " + model + " without success", 0);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .timeout(endpoint.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/x-ndjson");
        if (endpoint.hasKey()) {
            builder.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        return builder;
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new OllamaApiException(endpoint.location() + " could not be reached (" + NetworkFailures.reason(e) + ")", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OllamaApiException("interrupted while asking " + endpoint.location(), 0);
        }
    }

    /** Ollama answers {@code {"error":"model 'x' not found"}}: its own words, shortened, are what is told. */
    private OllamaApiException failure(int status, String body) {
        String said = null;
        try {
            said = body == null || body.isBlank() ? null : OllamaJson.text(json.readTree(body), "error");
        } catch (IOException e) {
            // not JSON: only the status is told
        }
        return new OllamaApiException(endpoint.location() + " answered HTTP " + status
                + (said == null ? "" : ": " + OllamaJson.clean(said, MAX_ERROR)), status);
    }

    private JsonNode read(String body) {
        return parse(body == null || body.isBlank() ? "{}" : body);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new OllamaApiException(endpoint.location() + " answered something that is not JSON", 0);
        }
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    private HttpRequest.BodyPublisher body(ObjectNode node) {
        return HttpRequest.BodyPublishers.ofString(node.toString());
    }
}
