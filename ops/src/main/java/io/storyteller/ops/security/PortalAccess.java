package io.storyteller.ops.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The admin portal's pages, its bundled assets, the bundled GraphiQL and the sign-in endpoint are
 * open: they hold no data. Every screen reads and writes through {@code /graphql} with the caller's
 * token, where the API's chain and its access rules decide, exactly as for any other client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalAccess {

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/admin", "/admin/**", "/graphiql", "/graphiql/**")
                // the sign-in takes a JSON body and sets no cookie: there is no session a forged request could ride
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
