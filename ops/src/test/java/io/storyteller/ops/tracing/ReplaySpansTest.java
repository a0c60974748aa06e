package io.storyteller.ops.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.Span;
import org.junit.jupiter.api.Test;

class ReplaySpansTest {

    private final EventProcessorSpanFactory live = mock(EventProcessorSpanFactory.class);
    private final ReplaySpans spans = new ReplaySpans(live);

    @Test
    void aReplayedEventAndABatchOfThemGetNoSpan() {
        TrackedEventMessage<?> replayed = tracked(new ReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(3)));

        assertThat(spans.createProcessEventSpan(true, replayed)).isSameAs(NoOpSpanFactory.NoOpSpan.INSTANCE);
        assertThat(spans.createBatchSpan(true, List.of(replayed, replayed))).isSameAs(NoOpSpanFactory.NoOpSpan.INSTANCE);
        verifyNoInteractions(live);
    }

    @Test
    void aLiveEventAndABatchHoldingOneGetAxonsSpans() {
        TrackedEventMessage<?> liveEvent = tracked(new GlobalSequenceTrackingToken(11));
        TrackedEventMessage<?> replayed = tracked(new ReplayToken(new GlobalSequenceTrackingToken(11), new GlobalSequenceTrackingToken(10)));
        Span event = mock(Span.class);
        Span batch = mock(Span.class);
        when(live.createProcessEventSpan(true, liveEvent)).thenReturn(event);
        List<EventMessage<?>> mixed = List.of(replayed, liveEvent);
        when(live.createBatchSpan(true, mixed)).thenReturn(batch);

        assertThat(spans.createProcessEventSpan(true, liveEvent)).isSameAs(event);
        assertThat(spans.createBatchSpan(true, mixed)).isSameAs(batch);
    }

    private static TrackedEventMessage<?> tracked(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("a story went on"));
    }
}
