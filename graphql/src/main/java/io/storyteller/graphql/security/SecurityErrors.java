package io.storyteller.graphql.security;

import io.storyteller.graphql.error.ErrorResponseBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers requests the security filters turn away: the standard bearer-token status and
 * WWW-Authenticate header, plus a GraphQL-shaped body classified UNAUTHORIZED or FORBIDDEN.
 */
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerEntryPoint.commence(request, response, failure);
        String message = failure instanceof OAuth2AuthenticationException
                ? "the bearer token is invalid or expired"
                : "a bearer token is required";
        ErrorResponseBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorType.UNAUTHORIZED, message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerAccessDenied.handle(request, response, denied);
        ErrorResponseBody.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorType.FORBIDDEN, "access denied");
    }
}
