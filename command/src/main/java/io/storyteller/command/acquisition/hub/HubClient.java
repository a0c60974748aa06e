package io.storyteller.command.acquisition.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.command.endpoint.NetworkFailures;
import io.storyteller.domain.acquisition.HubCoordinates;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.HubRevision;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Hub's public API: search models, describe a repository at a revision, and fetch one file
 * into place ({@link HubFileTransfer}). The token goes only to the configured Hub's own host —
 * a redirect to a CDN is followed without it — and never into a message.
 */
public class HubClient {

    private static final int MAX_REDIRECTS = 5;

    private final HubProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HubClient(HubProperties properties) {
        this.properties = properties;
        // Redirects by hand: the JDK would carry the Authorization header to whatever host it is sent to.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    List<HubListing> search(String search, String task, int limit) {
        StringBuilder query = new StringBuilder("/api/models?sort=downloads&direction=-1&full=true&limit=").append(limit);
        if (search != null && !search.isBlank()) {
            query.append("&search=").append(encode(search.strip()));
        }
        if (task != null && !task.isBlank()) {
            query.append("&filter=").append(encode(task.strip()));
        }
        return HubAnswers.listings(getJson(query.toString()));
    }

    public HubRevision revision(String repo, String revision) {
        String checkedRepo = HubCoordinates.repo("repo", repo);
        String checkedRevision = HubCoordinates.revision("revision", revision);
        JsonNode answer = getJson("/api/models/" + checkedRepo + "/revision/" + checkedRevision + "?blobs=true");
        return HubAnswers.revision(checkedRepo, checkedRevision, answer);
    }

    /** Streams {@code /{repo}/resolve/{commit}/{path}}, from {@code offset} on (a Range request) when it is positive. */
    HttpResponse<InputStream> open(String repo, String commit, HubFile file, long offset) {
        URI uri = properties.baseUrl().resolve("/" + repo + "/resolve/" + commit + "/" + encodePath(file.path()));
        HttpRequest.Builder request = request(uri);
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        return send(request, uri, HttpResponse.BodyHandlers.ofInputStream());
    }

    private JsonNode getJson(String pathAndQuery) {
        URI uri = properties.baseUrl().resolve(pathAndQuery);
        HttpResponse<InputStream> response = send(request(uri).header("Accept", "application/json"), uri,
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw failure(response.statusCode());
            }
            return json.readTree(body);
        } catch (IOException e) {
            throw new HubUnavailableException("the Hub answered something that is not JSON", false);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(properties.readTimeout()).GET();
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, URI uri, HttpResponse.BodyHandler<T> body) {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder attempt = request.copy().uri(target);
            if (properties.token() != null && sameHost(target)) {
                attempt.setHeader("Authorization", "Bearer " + properties.token());
            }
            HttpResponse<T> response = exchange(attempt.build(), body);
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                if (status >= 400) {
                    close(response);
                    throw failure(status);
                }
                return response;
            }
            close(response);
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new HubUnavailableException("the Hub redirected nowhere", true));
            target = target.resolve(location);
        }
        throw new HubUnavailableException("the Hub redirected more than " + MAX_REDIRECTS + " times", false);
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException e) {
            throw new HubUnavailableException("the Hub did not answer in time", true);
        } catch (IOException e) {
            throw new HubUnavailableException("the Hub could not be reached (" + NetworkFailures.reason(e) + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnavailableException("interrupted", true);
        }
    }

    private boolean sameHost(URI target) {
        URI base = properties.baseUrl();
        return base.getHost().equalsIgnoreCase(target.getHost()) && Objects.equals(base.getScheme(), target.getScheme())
                && base.getPort() == target.getPort();
    }

    static HubUnavailableException failure(int status) {
        return switch (status) {
            case 401, 403 -> new HubUnavailableException("the Hub answered HTTP " + status
                    + ": the repository is gated or private (storyteller.hub.token must grant access)", false);
            case 404 -> new HubUnavailableException("the Hub answered HTTP 404: no such repository, revision or file", false);
            case 416 -> new HubUnavailableException("the Hub answered HTTP 416 to a resumed download", true);
            case 429 -> new HubUnavailableException("the Hub answered HTTP 429 (rate limited)", true);
            default -> new HubUnavailableException("the Hub answered HTTP " + status, status >= 500);
        };
    }

    private static void close(HttpResponse<?> response) {
        if (response.body() instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String encodePath(String path) {
        return String.join("/", Arrays.stream(path.split("/")).map(s -> encode(s).replace("+", "%20")).toList());
    }
}
