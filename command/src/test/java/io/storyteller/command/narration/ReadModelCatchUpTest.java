package io.storyteller.command.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class ReadModelCatchUpTest {

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    private static StreamingEventProcessor processorAt(long... positions) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        Map<Integer, EventTrackerStatus> segments = new java.util.HashMap<>();
        for (int i = 0; i < positions.length; i++) {
            segments.put(i, at(positions[i]));
        }
        when(processor.processingStatus()).thenReturn(segments);
        return processor;
    }

    @Test
    void theReadModelsHaveCaughtUpWhenEverySegmentOfBothIsAtOrPastThePosition() {
        var catchUp = new ReadModelCatchUp(group -> Optional.of(processorAt(10, 12)), Duration.ofSeconds(1));

        assertThat(catchUp.caughtUp(10)).isTrue();
        assertThat(catchUp.caughtUp(11)).isFalse();
    }

    @Test
    void aProcessorWithoutClaimedSegmentsHasNotCaughtUp() {
        var catchUp = new ReadModelCatchUp(group -> Optional.of(processorAt()), Duration.ofSeconds(1));

        assertThat(catchUp.caughtUp(0)).isFalse();
    }

    @Test
    void readModelsThisApplicationDoesNotBuildAreNotWaitedFor() {
        var catchUp = new ReadModelCatchUp(group -> group.equals("worlds") ? Optional.of(processorAt(5)) : Optional.empty(),
                Duration.ofSeconds(1));

        assertThat(catchUp.caughtUp(5)).isTrue();
    }

    @Test
    void theNarrationWaitsUntilTheReadModelsHaveHandledItsEvent() {
        AtomicInteger polls = new AtomicInteger();
        var catchUp = new ReadModelCatchUp(group -> Optional.of(processorAt(polls.incrementAndGet() < 6 ? 41 : 42)),
                Duration.ofSeconds(5));
        var event = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(42),
                GenericEventMessage.asEventMessage("action"));

        DefaultUnitOfWork.startAndGet(event).execute(catchUp::awaitCurrentEvent);

        assertThat(polls.get()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void itGivesUpAfterTheWaitAndNarratesWithWhatTheReadModelsHold() {
        var catchUp = new ReadModelCatchUp(group -> Optional.of(processorAt(1)), Duration.ofMillis(50));
        var event = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(42),
                GenericEventMessage.asEventMessage("action"));

        DefaultUnitOfWork.startAndGet(event).execute(catchUp::awaitCurrentEvent);

        assertThat(catchUp.caughtUp(42)).isFalse();
    }
}
