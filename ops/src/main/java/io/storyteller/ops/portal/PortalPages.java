package io.storyteller.ops.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the portal's pages from the bundle the front-end build put in {@code static/admin}: the portal
 * at {@code /admin} (and at {@code /admin/callback}, where an OIDC sign-in returns), and the bundled
 * GraphiQL at {@code /graphiql}, the address Spring GraphQL's own page had (that page loads GraphiQL
 * from a CDN, so it is turned off).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PortalSettings.class, OidcSettings.class})
class PortalPages implements WebMvcConfigurer {

    static final String PORTAL_PAGE = "forward:/admin/index.html";
    static final String GRAPHIQL_PAGE = "forward:/admin/graphiql.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/admin").setViewName(PORTAL_PAGE);
        registry.addViewController("/admin/").setViewName(PORTAL_PAGE);
        // where the identity provider sends the browser back with the code: the portal finishes the sign-in
        registry.addViewController(OidcSettings.CALLBACK_PATH).setViewName(PORTAL_PAGE);
        registry.addViewController("/graphiql").setViewName(GRAPHIQL_PAGE);
        registry.addViewController("/graphiql/").setViewName(GRAPHIQL_PAGE);
    }
}
