package io.storyteller.ops.axon;

import io.storyteller.command.continuity.recording.StoryFactRecorder;
import io.storyteller.ops.StorytellerProperties;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.stereotype.Component;

/**
 * The story-fact reader's processor handles one event per transaction. Its handler answers each
 * beat with a command to the beat's Story, and a command sent from an event handler nests in the
 * processor's unit of work: the Story's lock is released only when that unit of work ends. With a
 * batch of many events, the lock of every story in the batch was held while the rest of the batch
 * was read, and players' commands on those stories waited, each holding a database connection,
 * until the pool ran dry. One event per transaction holds one story's lock for one reading, and
 * costs no extra commit: the command's events and the processor's token commit together.
 */
@Component
class StoryFactReadingProcessing implements ConfigurerModule {

    private final StorytellerProperties.EventProcessing settings;

    StoryFactReadingProcessing(StorytellerProperties properties) {
        this.settings = properties.eventProcessing();
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingDefaults.registerPooled(configurer, StoryFactRecorder.GROUP, builder -> builder
                .batchSize(1)
                .initialSegmentCount(settings.initialSegmentCount()));
    }
}
