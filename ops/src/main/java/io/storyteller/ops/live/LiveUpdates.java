package io.storyteller.ops.live;

import io.storyteller.graphql.transport.LiveUpdateLimits;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.queryhandling.DefaultQueryUpdateEmitterSpanFactory;
import org.axonframework.queryhandling.QueryUpdateEmitterSpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's query update emitter, built as Axon builds it, behind the {@link StoryWatcherIndex}. */
@Configuration(proxyBeanMethods = false)
public class LiveUpdates {

    @Bean
    ConfigurerModule storyWatcherIndex(LiveUpdateLimits limits) {
        return configurer -> configurer.configureQueryUpdateEmitter(config -> new StoryWatcherIndex(
                SimpleQueryUpdateEmitter.builder()
                        .updateMessageMonitor(config.messageMonitor(QueryUpdateEmitter.class, "queryUpdateEmitter"))
                        .spanFactory(config.getComponent(QueryUpdateEmitterSpanFactory.class,
                                () -> DefaultQueryUpdateEmitterSpanFactory.builder()
                                        .spanFactory(config.getComponent(SpanFactory.class))
                                        .build()))
                        .build(),
                limits.watcherBuffer()));
    }
}
