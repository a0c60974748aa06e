package io.storyteller.ops.axon;

import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.metrics.PlatformMetrics;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

/**
 * The platform meters' processor starts at the head of the log: meters count what happens from
 * now on, never history. Its token is shared like any other, so a restart or another instance
 * does not count an event twice; replays are disallowed on the handler. Off the write path: a
 * failing meter never fails a command.
 */
@Component
class PlatformMetricsProcessing implements ConfigurerModule {

    private final StorytellerProperties.EventProcessing settings;

    PlatformMetricsProcessing(StorytellerProperties properties) {
        this.settings = properties.eventProcessing();
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingDefaults.registerPooled(configurer, PlatformMetrics.GROUP, builder -> builder
                .batchSize(settings.batchSize())
                .initialSegmentCount(settings.initialSegmentCount())
                .initialToken(StreamableMessageSource::createHeadToken));
    }
}
