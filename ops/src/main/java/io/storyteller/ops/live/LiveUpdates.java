package io.storyteller.ops.live;

import io.storyteller.graphql.transport.LiveUpdateLimits;
import io.storyteller.ops.instances.LiveRelay;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.QueryUpdateEmitterSpanFactory;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The application's query update emitter: Axon's, behind the {@link StoryWatcherIndex}, and relaying
 * live queries' updates to the other instances when a {@link LiveRelay} runs. As a bean
 * of this type it replaces Axon's default everywhere: in the query bus and in every projection
 * and engine that emits updates.
 */
@Configuration(proxyBeanMethods = false)
public class LiveUpdates {

    /** The watchers of stories, indexed; behind the emitter below. */
    @Bean
    StoryWatcherIndex storyWatchers(LiveUpdateLimits limits, ObjectProvider<QueryUpdateEmitterSpanFactory> spans) {
        SimpleQueryUpdateEmitter.Builder axons = SimpleQueryUpdateEmitter.builder();
        spans.ifAvailable(axons::spanFactory);
        return new StoryWatcherIndex(axons.build(), limits.watcherBuffer());
    }

    /** Primary: Axon's auto-configuration also defines an emitter bean, unconditionally; this one is the one used. */
    @Bean
    @Primary
    QueryUpdateEmitter storyWatcherIndex(StoryWatcherIndex storyWatchers, ObjectProvider<LiveRelay> relay) {
        LiveRelay other = relay.getIfAvailable();
        return other == null ? storyWatchers : other.around(storyWatchers);
    }
}
