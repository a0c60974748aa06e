package io.storyteller.ops.processing;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.storyteller.ops.search.PendingSearchRestore;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.util.Optional;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SearchIndexRebuildsTest {

    final StreamingEventProcessor loreProcessor = mock(StreamingEventProcessor.class);
    final StreamingEventProcessor beatProcessor = mock(StreamingEventProcessor.class);
    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final LoreIndexProjection lore = mock(LoreIndexProjection.class);
    final BeatIndexProjection beats = mock(BeatIndexProjection.class);
    final TokenStore tokens = mock(TokenStore.class);
    final PendingSearchRestore restoredSnapshot = mock(PendingSearchRestore.class);

    SearchIndexRebuilds rebuilds() {
        when(processing.eventProcessor(LoreIndexProjection.GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(loreProcessor));
        when(processing.eventProcessor(BeatIndexProjection.GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(beatProcessor));
        StaticListableBeanFactory beansOf = new StaticListableBeanFactory();
        beansOf.addBean("processing", processing);
        beansOf.addBean("lore", lore);
        beansOf.addBean("beats", beats);
        beansOf.addBean("tokens", tokens);
        beansOf.addBean("transactions", NoTransactionManager.INSTANCE);
        beansOf.addBean("restoredSnapshot", restoredSnapshot);
        SearchIndexRebuilds rebuilds = new SearchIndexRebuilds(beansOf.getBeanProvider(EventProcessingConfiguration.class),
                beansOf.getBeanProvider(LoreIndexProjection.class), beansOf.getBeanProvider(BeatIndexProjection.class),
                mock(OperatorActions.class), beansOf.getBeanProvider(TokenStore.class),
                beansOf.getBeanProvider(TransactionManager.class), beansOf.getBeanProvider(PendingSearchRestore.class));
        rebuilds.afterSingletonsInstantiated(); // as the context does before any processor starts
        return rebuilds;
    }

    @BeforeEach
    void everyGroupHasStoredTokens() {
        when(tokens.fetchSegments(LoreIndexProjection.GROUP)).thenReturn(new int[] {0});
        when(tokens.fetchSegments(BeatIndexProjection.GROUP)).thenReturn(new int[] {0, 1});
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

    @Test
    void aNewIndexOfAGroupThatHadNoTokenIsNotReplayedItsProcessorReadsTheLogFromItsStartAnyway() {
        when(lore.startedOnNewIndex()).thenReturn(true);
        when(beats.startedOnNewIndex()).thenReturn(true);
        when(tokens.fetchSegments(LoreIndexProjection.GROUP)).thenReturn(new int[0]); // a fresh data directory

        rebuilds().replayIntoNewIndexes();

        verify(loreProcessor, never()).shutDown();
        verify(loreProcessor, never()).resetTokens();
        verify(beatProcessor).resetTokens(); // its tokens were down the log: the new index must hear what came before
    }

    @Test
    void tokensThatCannotBeReadCountAsStoredSoTheNewIndexIsStillRebuilt() {
        when(lore.startedOnNewIndex()).thenReturn(true);
        when(tokens.fetchSegments(LoreIndexProjection.GROUP)).thenThrow(new IllegalStateException("token store down"));

        rebuilds().replayIntoNewIndexes();

        verify(loreProcessor).resetTokens();
    }

    @Test
    void aRestoredSearchSnapshotThatCouldNotBePutBackRebuildsEveryIndexWhoseGroupHadPositions() {
        when(lore.startedOnNewIndex()).thenReturn(false);
        when(beats.startedOnNewIndex()).thenReturn(false);
        when(restoredSnapshot.rebuildsIndexes()).thenReturn(true); // e.g. restored onto an external cluster
        when(tokens.fetchSegments(LoreIndexProjection.GROUP)).thenReturn(new int[0]); // restored without its position

        rebuilds().replayIntoNewIndexes();

        verify(loreProcessor, never()).resetTokens(); // it reads the log from its start anyway
        verify(beatProcessor).resetTokens();
    }
}
