package io.storyteller.graphql.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ErrorClassification;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * Writes a GraphQL-shaped error body for requests turned away before GraphQL runs (no token, body
 * too large, body of the wrong shape), so that clients read every error the same way.
 */
public final class ErrorResponseBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponseBody() {
    }

    public static void write(HttpServletResponse response, int status, ErrorClassification type, String message)
            throws IOException {
        write(response, status, type, message, Map.of());
    }

    /** @param extensions written after the classification, e.g. {@code field} and {@code rule} */
    public static void write(HttpServletResponse response, int status, ErrorClassification type, String message,
            Map<String, Object> extensions) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> allExtensions = new LinkedHashMap<>();
        allExtensions.put("classification", type.toString());
        allExtensions.putAll(extensions);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", allExtensions);
        JSON.writeValue(response.getOutputStream(), Map.of("errors", List.of(error)));
    }
}
