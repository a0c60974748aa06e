package io.storyteller.ops.axon;

import io.storyteller.command.narration.NarrationEngine;
import io.storyteller.ops.StorytellerProperties;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

/**
 * The narration engine's processor. It calls a model inside its event handler, so it handles one
 * event per transaction (a slow or failed generation never holds back or rolls back others) and
 * starts at the head of the log: a new deployment narrates new actions, never history.
 */
@Component
class NarrationProcessing implements ConfigurerModule {

    private final StorytellerProperties.EventProcessing settings;

    NarrationProcessing(StorytellerProperties properties) {
        this.settings = properties.eventProcessing();
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingDefaults.registerPooled(configurer, NarrationEngine.PROCESSING_GROUP, builder -> builder
                .batchSize(1)
                .initialSegmentCount(settings.narrationSegments())
                .maxClaimedSegments(settings.narrationSegments())
                .initialToken(StreamableMessageSource::createHeadToken));
    }
}
