package io.storyteller.graphql.transport;

import io.storyteller.graphql.limits.GraphQlLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the GraphQL endpoint accepts over HTTP: the body's shape, and no subscriptions. */
@Configuration(proxyBeanMethods = false)
public class HttpTransport {

    /** Runs after Spring Security: a caller without a valid token learns nothing about the body. */
    @Bean
    FilterRegistrationBean<RequestShape> graphQlRequestShape(GraphQlLimits limits,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        var registration = new FilterRegistrationBean<>(new RequestShape(limits.maxRequestBytes().toBytes()));
        registration.addUrlPatterns(graphQlPath);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    SubscriptionsOverWebSocket subscriptionsOverWebSocket(
            @Value("${spring.graphql.websocket.path:/graphql}") String webSocketPath) {
        return new SubscriptionsOverWebSocket(webSocketPath);
    }
}
