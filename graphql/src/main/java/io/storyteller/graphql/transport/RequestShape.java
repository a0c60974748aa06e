package io.storyteller.graphql.transport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.storyteller.graphql.error.ApiErrorType;
import io.storyteller.graphql.error.ErrorResponseBody;
import io.storyteller.graphql.limits.BufferedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks that a GraphQL POST body is one JSON object with a string {@code query}, an object of
 * {@code variables}, a string {@code operationName} and an object of {@code extensions} before
 * Spring GraphQL reads it. Any other body (malformed JSON, JSON null, a batch array, a number...)
 * is answered 400 with the GraphQL error shape naming the member and the rule, where Spring would
 * answer 500 or its own error page; a body of another media type (a form, multipart) is answered 415
 * in the same shape. The body is read once here and replayed to the handler.
 */
public class RequestShape extends OncePerRequestFilter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

    /** What is wrong with a body: the member at fault, the rule it breaks, and a message for the client. */
    record Fault(String field, String rule, String message) {
    }

    private final long maxBytes;

    /** @param maxBytes how much of a body is read at most; the size limit has refused most larger ones already */
    public RequestShape(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readsAsJson(request.getContentType())) {
            // Spring would answer a form or multipart body (a broken one with a 500) in its own shape.
            ErrorResponseBody.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorType.BAD_REQUEST,
                    "a GraphQL request is sent as application/json (or application/graphql)",
                    Map.of("field", "Content-Type", "rule", "media-type"));
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            // only a body of undeclared length that is not chunked (HTTP/2) gets here past the size limit
            ErrorResponseBody.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ApiErrorType.PAYLOAD_TOO_LARGE,
                    "request body exceeds the limit of " + maxBytes + " bytes");
            return;
        }
        Fault fault = fault(body);
        if (fault != null) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("field", fault.field());
            extensions.put("rule", fault.rule());
            ErrorResponseBody.write(response, HttpServletResponse.SC_BAD_REQUEST, ErrorType.BAD_REQUEST, fault.message(), extensions);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** The first thing wrong with a body, or null when it is a well-formed GraphQL request. */
    static Fault fault(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException malformed) {
            return new Fault("body", "json", "the request body is not valid JSON");
        } catch (IOException unreadable) {
            return new Fault("body", "json", "the request body cannot be read as JSON");
        }
        if (request == null || request.isMissingNode()) {
            return new Fault("body", "required", "the request body is empty; send {\"query\": \"...\"}");
        }
        if (!request.isObject()) {
            return new Fault("body", "object", "the request body must be one JSON object {\"query\": \"...\"}"
                    + (request.isArray() ? "; batched requests are not supported" : ""));
        }
        JsonNode query = request.get("query");
        if (query == null || query.isNull()) {
            return new Fault("query", "required", "query is required");
        }
        if (!query.isTextual()) {
            return new Fault("query", "type", "query must be a string holding a GraphQL document");
        }
        if (query.asText().isBlank()) {
            return new Fault("query", "required", "query must not be blank");
        }
        if (present(request, "variables") && !request.get("variables").isObject()) {
            return new Fault("variables", "object", "variables must be a JSON object of name to value");
        }
        if (present(request, "operationName") && !request.get("operationName").isTextual()) {
            return new Fault("operationName", "type", "operationName must be a string");
        }
        if (present(request, "extensions") && !request.get("extensions").isObject()) {
            return new Fault("extensions", "object", "extensions must be a JSON object");
        }
        return null;
    }

    private static boolean present(JsonNode request, String member) {
        return request.hasNonNull(member);
    }

    /** The content types Spring GraphQL reads the body of as JSON. */
    private static boolean readsAsJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || APPLICATION_GRAPHQL.includes(type);
        } catch (InvalidMediaTypeException unparsable) {
            return false;
        }
    }
}
