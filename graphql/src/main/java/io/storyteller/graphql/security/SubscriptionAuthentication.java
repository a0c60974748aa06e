package io.storyteller.graphql.security;

import java.time.Instant;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Authenticates GraphQL over WebSocket. Browsers cannot set headers on the handshake, so the client
 * sends {@code {"Authorization": "Bearer <token>"}} as the connection_init payload; the token is
 * checked by the same decoder as HTTP requests. A handshake that already carried a valid bearer
 * header is accepted as well. Anything else closes the connection with 4401 Unauthorized. The
 * authentication is kept with the session and handed to every subscription it starts, until the
 * token expires: later subscriptions then fail as UNAUTHORIZED (running ones go on).
 */
public class SubscriptionAuthentication implements WebSocketGraphQlInterceptor {

    private static final String SECURITY_CONTEXT = SubscriptionAuthentication.class.getName() + ".SECURITY_CONTEXT";
    /** The key under which Spring Security's ThreadLocalAccessor restores the context in data fetchers. */
    private static final String PROPAGATED_CONTEXT = SecurityContext.class.getName();

    private final AuthenticationManager authenticationManager;
    private final BearerTokenAuthenticationExtractor bearerToken = new BearerTokenAuthenticationExtractor("Authorization");

    public SubscriptionAuthentication(AuthenticationManager authenticationManager) {
        this.authenticationManager = authenticationManager;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Authentication handshake = SecurityContextHolder.getContext().getAuthentication();
        return bearerToken.getAuthentication(authorizationOf(payload))
                .map(authenticationManager::authenticate)
                .switchIfEmpty(Mono.justOrEmpty(handshake).filter(JwtAuthenticationToken.class::isInstance))
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException(
                        "connection_init must carry {\"Authorization\": \"Bearer <token>\"}")))
                .doOnNext(authenticated -> session.getAttributes().put(SECURITY_CONTEXT, new SecurityContextImpl(authenticated)))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socketRequest
                && socketRequest.getSessionInfo().getAttributes().get(SECURITY_CONTEXT) instanceof SecurityContext context) {
            // an empty context also hides the handshake's, so an expired token cannot come back that way
            SecurityContext current = expired(context.getAuthentication()) ? SecurityContextHolder.createEmptyContext() : context;
            return chain.next(request).contextWrite(Context.of(PROPAGATED_CONTEXT, current));
        }
        return chain.next(request);
    }

    private static boolean expired(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token
                && token.getToken().getExpiresAt() != null
                && token.getToken().getExpiresAt().isBefore(Instant.now());
    }

    /** Accepts the header name in any letter case, as clients spell it differently. */
    private static Map<String, Object> authorizationOf(Map<String, Object> payload) {
        if (payload == null) {
            return Map.of();
        }
        return payload.entrySet().stream()
                .filter(entry -> "authorization".equalsIgnoreCase(entry.getKey()) && entry.getValue() instanceof String)
                .findFirst()
                .<Map<String, Object>>map(entry -> Map.of("Authorization", entry.getValue()))
                .orElse(Map.of());
    }
}
