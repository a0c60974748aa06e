package io.storyteller.ops.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * {@code /actuator/health} answers without credentials, for probes and load balancers. It shows
 * the status only. A customizer, not a filter chain, so that Spring Boot's default chain and the
 * API's own chain stay as they are.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebSecurityCustomizer.class)
class HealthEndpointAccess {

    @Bean
    WebSecurityCustomizer healthEndpointWithoutCredentials() {
        return web -> web.ignoring().requestMatchers(EndpointRequest.to(HealthEndpoint.class));
    }
}
