package io.storyteller.ops.processing;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SearchIndexRebuildsTest {

    final StreamingEventProcessor loreProcessor = mock(StreamingEventProcessor.class);
    final StreamingEventProcessor beatProcessor = mock(StreamingEventProcessor.class);
    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final LoreIndexProjection lore = mock(LoreIndexProjection.class);
    final BeatIndexProjection beats = mock(BeatIndexProjection.class);

    SearchIndexRebuilds rebuilds() {
        when(processing.eventProcessor(LoreIndexProjection.GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(loreProcessor));
        when(processing.eventProcessor(BeatIndexProjection.GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(beatProcessor));
        StaticListableBeanFactory beansOf = new StaticListableBeanFactory();
        beansOf.addBean("processing", processing);
        beansOf.addBean("lore", lore);
        beansOf.addBean("beats", beats);
        return new SearchIndexRebuilds(beansOf.getBeanProvider(EventProcessingConfiguration.class),
                beansOf.getBeanProvider(LoreIndexProjection.class), beansOf.getBeanProvider(BeatIndexProjection.class),
                mock(OperatorActions.class));
    }

    @Test
    void aProjectionThatStartedOnANewIndexReplaysTheLogIntoItAndTheOtherDoesNot() {
        when(lore.startedOnNewIndex()).thenReturn(true);
        when(beats.startedOnNewIndex()).thenReturn(false);

        rebuilds().replayIntoNewIndexes();

        InOrder replay = inOrder(loreProcessor);
        replay.verify(loreProcessor).shutDown();
        replay.verify(loreProcessor).resetTokens();
        replay.verify(loreProcessor).start();
        verify(beatProcessor, never()).resetTokens();
    }
}
