package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.storyteller.command.continuity.recording.StoryFactRecorder;
import io.storyteller.ops.StorytellerProperties;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The story-fact reader sends a command per beat from its handler, which holds that Story's lock
 * until the processor's transaction ends: its processor takes one event per transaction, whatever
 * the batch size of the other processors.
 */
class StoryFactReadingProcessingTest {

    @Test
    void theFactReaderHandlesOneEventPerTransaction() {
        Configurer configurer = mock(Configurer.class);
        EventProcessingConfigurer processing = mock(EventProcessingConfigurer.class);
        when(configurer.eventProcessing()).thenReturn(processing);
        StorytellerProperties properties = mock(StorytellerProperties.class);
        when(properties.eventProcessing()).thenReturn(new StorytellerProperties.EventProcessing(50, 2, 4));

        new StoryFactReadingProcessing(properties).configureModule(configurer);

        ArgumentCaptor<PooledStreamingProcessorConfiguration> customization =
                ArgumentCaptor.forClass(PooledStreamingProcessorConfiguration.class);
        verify(processing).registerPooledStreamingEventProcessor(eq(StoryFactRecorder.GROUP), any(), customization.capture());
        PooledStreamingEventProcessor.Builder builder = mock(PooledStreamingEventProcessor.Builder.class, RETURNS_SELF);
        assertThat(customization.getValue().apply(mock(Configuration.class), builder)).isSameAs(builder);
        verify(builder).batchSize(1);
        verify(builder).initialSegmentCount(2);
        verify(builder).tokenClaimInterval(EventProcessingDefaults.CLAIM_INTERVAL_MILLIS);
    }
}
