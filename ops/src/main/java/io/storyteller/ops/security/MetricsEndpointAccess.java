package io.storyteller.ops.security;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.JwtActorConverter;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Actuator endpoints other than health (Prometheus above all) need the scraper's account (HTTP
 * Basic, role {@code METRICS}) or a platform admin's bearer token, on the main port as on a separate
 * management port ({@code management.server.port}): this chain matches the endpoints wherever they
 * are served. Ordered before the API's chain, which would let any signed-in player in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ScrapeAccount.class)
class MetricsEndpointAccess {

    static final String METRICS_ROLE = "METRICS";

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, ScrapeAccount account,
            JwtActorConverter jwtActorConverter) throws Exception {
        return http
                .securityMatcher(EndpointRequest.toAnyEndpoint().excluding(HealthEndpoint.class))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyRole(METRICS_ROLE, PlatformRole.PLATFORM_ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authenticationProvider(scraper(account))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtActorConverter)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /**
     * The one Basic account of this chain, none when no password is set; a provider beside the
     * bearer token's, not a global user store.
     */
    private static DaoAuthenticationProvider scraper(ScrapeAccount account) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (account.enabled()) {
            users.createUser(User.withUsername(account.username()).password(account.encodedPassword())
                    .roles(METRICS_ROLE).build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return provider;
    }
}
