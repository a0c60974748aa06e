package io.storyteller.graphql.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.story.StoryUpdate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.graphql.GraphQlCorsProperties;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * The GraphQL WebSocket endpoint with bounded sends (see {@link BoundedSendSession}); it takes the
 * place of Spring Boot's handler, with the same settings. A story's updates are completed and
 * serialised once per selection, not once per watcher ({@link SharedSubscriptionEvents}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveUpdateLimits.class)
public class SubscriptionTransport {

    /** One virtual thread per write in progress: a client that does not read parks one, not a platform thread. */
    @Bean(destroyMethod = "close")
    ExecutorService webSocketSenders() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ws-send-", 0).factory());
    }

    /**
     * Story updates are the same for every watcher of the story (the access check is made when a
     * subscription starts), so their results are shared. The exception handler is the one Spring
     * Boot gives the other strategies, from the same resolvers.
     */
    @Bean
    GraphQlSourceBuilderCustomizer sharedStoryUpdates(ObjectProvider<DataFetcherExceptionResolver> resolvers,
            ObjectMapper json) {
        return source -> source.configureGraphQl(graphQl -> graphQl.subscriptionExecutionStrategy(
                new SharedSubscriptionEvents(DataFetcherExceptionResolver.createExceptionHandler(
                        resolvers.orderedStream().toList()), event -> event instanceof StoryUpdate, json)));
    }

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties,
            GraphQlCorsProperties cors, HttpMessageConverters converters, LiveUpdateLimits limits,
            ExecutorService webSocketSenders) {
        return new BoundedSendHandler(graphQlHandler, jsonConverter(converters),
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive(),
                cors.toCorsConfiguration(), limits, webSocketSenders);
    }

    private static HttpMessageConverter<?> jsonConverter(HttpMessageConverters converters) {
        return converters.getConverters().stream()
                .filter(converter -> converter.canRead(Map.class, MediaType.APPLICATION_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON message converter for the GraphQL WebSocket"));
    }
}
