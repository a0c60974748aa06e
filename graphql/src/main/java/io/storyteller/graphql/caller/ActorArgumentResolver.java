package io.storyteller.graphql.caller;

import io.storyteller.domain.shared.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

/**
 * Lets controller methods take the caller as an {@link Actor} parameter. The authentication comes
 * from the security context that Spring GraphQL propagates into data fetchers: over HTTP the
 * bearer token filter sets it, over WebSocket the connection_init authentication does.
 */
@Component
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return ActorClaims.actor(token.getToken());
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .ofType(JwtAuthenticationToken.class)
                .map(token -> ActorClaims.actor(token.getToken()))
                .switchIfEmpty(Mono.error(ActorArgumentResolver::notAuthenticated));
    }

    private static AuthenticationCredentialsNotFoundException notAuthenticated() {
        return new AuthenticationCredentialsNotFoundException("a bearer token is required");
    }
}
