package io.storyteller.ops.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Reads an OIDC issuer's endpoints from its discovery document ({@code <issuer>/.well-known/openid-configuration})
 * once, and keeps them: they do not change while the application runs. A failed read is not kept, so the
 * next sign-in tries again once the identity provider is back.
 */
final class IssuerDiscovery {

    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    /** The two endpoints the portal's browser needs for authorization code + PKCE. */
    record Endpoints(String authorizationEndpoint, String tokenEndpoint) {
    }

    /** The issuer could not tell its endpoints; the message says where and why, for the sign-in page. */
    static final class IssuerUnavailable extends RuntimeException {
        IssuerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String issuer;
    private final URI document;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile Endpoints endpoints;

    IssuerDiscovery(String issuer, Duration timeout, ObjectMapper json) {
        this.issuer = issuer;
        this.document = URI.create(issuer.replaceAll("/+$", "") + WELL_KNOWN);
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known == null) {
            synchronized (this) {
                known = endpoints;
                if (known == null) {
                    known = read();
                    endpoints = known;
                }
            }
        }
        return known;
    }

    private Endpoints read() {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(document).timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw unavailable("did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw unavailable("could not be reached (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was not read: interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw unavailable("answered HTTP " + response.statusCode(), null);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw unavailable("is not JSON", e);
        }
        // OIDC Discovery 1.0 §4.3: the document must name the very issuer it was read from
        String named = body.path("issuer").asText("");
        if (!named.equals(issuer)) {
            throw unavailable("names the issuer '" + named + "', not the configured '" + issuer + "'", null);
        }
        return new Endpoints(required(body, "authorization_endpoint"), required(body, "token_endpoint"));
    }

    private String required(JsonNode body, String field) {
        String value = body.path(field).asText("");
        if (value.isBlank()) {
            throw unavailable("has no " + field, null);
        }
        return value;
    }

    private IssuerUnavailable unavailable(String why, Throwable cause) {
        return new IssuerUnavailable("the identity provider's discovery document " + document + " " + why
                + ": OIDC sign-in is unavailable until it answers", cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message;
    }
}
