package io.storyteller.graphql.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP: the GraphQL endpoint needs a bearer token (JWT); GraphiQL and the
 * health endpoint are open; the WebSocket handshake is open because its connection_init message
 * authenticates (see {@link SubscriptionAuthentication}). Stateless: no session, no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtActorConverter jwtActorConverter,
            @Value("${spring.graphql.websocket.path:/graphql}") String webSocketPath) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher socketPath = paths.matcher(HttpMethod.GET, webSocketPath);
        RequestMatcher webSocketHandshake = request -> socketPath.matches(request)
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
        SecurityErrors errors = new SecurityErrors();
        return http
                .csrf(csrf -> csrf.disable())
                // answers CORS preflights from spring.graphql.cors.* before they would need a token
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // the original request was authorized already; its async and error dispatches follow it
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(webSocketHandshake).permitAll()
                        .requestMatchers(paths.matcher("/graphiql"), paths.matcher("/graphiql/**"),
                                paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"),
                                paths.matcher("/error")).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtActorConverter))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    @Bean
    JwtActorConverter jwtActorConverter() {
        return new JwtActorConverter();
    }

    /** Checks connection_init tokens with the very decoder the HTTP filter uses. */
    @Bean
    SubscriptionAuthentication subscriptionAuthentication(JwtDecoder jwtDecoder, JwtActorConverter jwtActorConverter) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(jwtDecoder);
        provider.setJwtAuthenticationConverter(jwtActorConverter);
        return new SubscriptionAuthentication(new ProviderManager(provider));
    }
}
