package io.storyteller.ops.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.storyteller.ops.portal.OidcSettings;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a Content-Security-Policy on every response the application serves: pages, assets, the API,
 * actuator endpoints and error answers alike. A servlet filter ahead of Spring Security rather than
 * each chain's header settings, so no chain (nor a path the security ignores) can forget it. The
 * default allows only the application's own origin: the portal and GraphiQL are bundled, so nothing
 * needs a CDN, inline script or eval. With the portal's OIDC sign-in on, the browser exchanges the
 * authorization code at the identity provider's token endpoint (a cross-origin fetch): connect-src then
 * also allows the issuer's origin, and nothing else changes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ContentSecurityPolicy.Policy.class, OidcSettings.class})
class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    /**
     * @param contentSecurityPolicy the header's value. {@code 'self'} in connect-src covers the GraphQL
     *                              WebSocket on the same host (ws: and wss: of the page's origin); data:
     *                              fonts and images are GraphiQL's stylesheet's own, inlined in it. Inline
     *                              styles are allowed (never inline script): GraphiQL's dialogs lock the
     *                              page's scrolling with a style element they write at run time
     */
    @ConfigurationProperties("storyteller.http")
    record Policy(@DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'") String contentSecurityPolicy) {
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> contentSecurityPolicyFilter(Policy policy, OidcSettings oidc,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        String header = oidc.enabledFor(issuerUri)
                ? ConnectSources.allowing(policy.contentSecurityPolicy(), ConnectSources.originOf(issuerUri))
                : policy.contentSecurityPolicy();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!header.isBlank()) {
                    response.setHeader(HEADER, header);
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("contentSecurityPolicy");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
