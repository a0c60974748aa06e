package io.storyteller.command.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A story's next turn is narrated here only while this node's narration processor runs and holds
 * the segment of the story's events: with two segments and one claimed, half the stories are this
 * node's and half another's.
 */
class LocalNarrationTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private final PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
            .name(NarrationEngine.PROCESSING_GROUP)
            .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Turns()).build())
            .messageSource(events)
            .tokenStore(new InMemoryTokenStore())
            .transactionManager(NoTransactionManager.INSTANCE)
            .coordinatorExecutor(coordinator)
            .workerExecutor(workers)
            .initialSegmentCount(2)
            .maxClaimedSegments(1) // the other segment is left to another node
            .build();
    private final LocalNarration narratedHere = new LocalNarration(() -> Optional.of(processor));

    @AfterEach
    void stop() {
        processor.shutDown();
        coordinator.shutdownNow();
        workers.shutdownNow();
        events.shutDown();
    }

    @Test
    void aStoryIsNarratedHereOnlyInTheSegmentThisNodeHolds() {
        processor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processingStatus().size() == 1);
        Segment held = processor.processingStatus().values().iterator().next().getSegment();

        var stories = IntStream.range(0, 200).mapToObj(i -> "story-" + i).toList();

        assertThat(stories).filteredOn(narratedHere)
                .isNotEmpty()
                .allMatch(held::matches);
        assertThat(stories).filteredOn(narratedHere.negate())
                .isNotEmpty()
                .noneMatch(held::matches);
    }

    @Test
    void noStoryIsNarratedHereWhileTheProcessorIsStoppedOrAbsent() {
        assertThat(narratedHere.test("story-1")).isFalse();
        assertThat(new LocalNarration(Optional::<StreamingEventProcessor>empty).test("story-1")).isFalse();
    }

    private static final class Turns {

        @EventHandler
        void on(Object event) {
            // the segments are what is looked at here, not the events
        }
    }
}
