package io.storyteller.command.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Reads a catalogue page as JSON and turns every failure into a {@link CatalogueUnavailableException}
 * whose message is safe to show: the status code or the kind of network failure, never the
 * answer body (providers echo part of a wrong key in it) nor an exception's own message.
 */
final class CatalogueHttp {

    private final RestClient client;
    private final ObjectMapper json = new ObjectMapper();

    CatalogueHttp(DiscoveryProperties properties) {
        // HTTP/1.1: no h2c upgrade dance with plain-HTTP servers such as a local Ollama.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    JsonNode get(ProviderConnection connection, String pathAndQuery, Consumer<HttpHeaders> headers) {
        String body;
        try {
            body = client.get()
                    .uri(connection.baseUrl() + pathAndQuery)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers)
                    .retrieve()
                    .body(String.class);
        } catch (RestClientResponseException e) {
            throw new CatalogueUnavailableException(connection.location() + " answered HTTP " + e.getStatusCode().value()
                    + hint(e.getStatusCode().value()));
        } catch (ResourceAccessException e) {
            throw new CatalogueUnavailableException(connection.location() + " " + network(e));
        } catch (RuntimeException e) {
            throw new CatalogueUnavailableException(connection.location() + " could not be asked: " + e.getClass().getSimpleName());
        }
        if (body == null || body.isBlank()) {
            throw new CatalogueUnavailableException(connection.location() + " answered an empty body, not a model list");
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new CatalogueUnavailableException(connection.location() + " answered something that is not JSON");
        }
    }

    static CatalogueUnavailableException notAModelList(ProviderConnection connection) {
        return new CatalogueUnavailableException(connection.location() + " answered JSON that is not a model list");
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (check the API key)";
            case 404 -> " (is the base URL right?)";
            case 429 -> " (rate limited)";
            default -> "";
        };
    }

    private static String network(ResourceAccessException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "did not accept a connection in time";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "did not answer in time";
            }
            if (cause instanceof ConnectException) {
                return "refused the connection";
            }
            if (cause instanceof UnknownHostException) {
                return "is an unknown host";
            }
        }
        return "could not be reached";
    }
}
