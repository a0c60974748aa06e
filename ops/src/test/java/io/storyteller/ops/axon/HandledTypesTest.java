package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * {@link HandledTypes} answers as Axon's own invokers do: for handled and unhandled types, per
 * segment, during a replay and for handlers that disallow one, and it hands events and resets on.
 */
class HandledTypesTest {

    record Opened(String id) {
    }

    record Closed(String id) {
    }

    record Unrelated(String id) {
    }

    static class Doors {
        final List<Object> seen = new ArrayList<>();
        int resets;

        @EventHandler
        void on(Opened event) {
            seen.add(event);
        }

        @EventHandler
        void on(Closed event) {
            seen.add(event);
        }

        @ResetHandler
        void reset() {
            resets++;
        }
    }

    @DisallowReplay
    static class Alarm {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(Closed event) {
            seen.add(event);
        }
    }

    private final Doors doors = new Doors();
    private final Alarm alarm = new Alarm();
    private final EventHandlerInvoker axon = new MultiEventHandlerInvoker(
            SimpleEventHandlerInvoker.builder().eventHandlers(doors).sequencingPolicy(SequentialPerAggregatePolicy.instance()).build(),
            SimpleEventHandlerInvoker.builder().eventHandlers(alarm).sequencingPolicy(SequentialPerAggregatePolicy.instance()).build());
    private final EventHandlerInvoker kept = HandledTypes.of(axon);
    private final Segment[] halves = Segment.ROOT_SEGMENT.split();

    private static EventMessage<?> event(Object payload, String aggregateId) {
        return new GenericDomainEventMessage<>("Door", aggregateId, 0, payload);
    }

    private static TrackedEventMessage<?> replayed(EventMessage<?> event) {
        ReplayToken token = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(1));
        return new GenericTrackedEventMessage<>(token, event);
    }

    @Test
    void answersWhatAxonsInvokersAnswerForEveryTypeSegmentAndReplay() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d", "e")) {
            for (Object payload : List.of(new Opened(id), new Closed(id), new Unrelated(id))) {
                EventMessage<?> live = event(payload, id);
                events.add(live);
                events.add(replayed(live));
                events.add(GenericEventMessage.asEventMessage(payload));
            }
        }
        for (EventMessage<?> event : events) {
            for (Segment segment : List.of(Segment.ROOT_SEGMENT, halves[0], halves[1])) {
                assertThat(kept.canHandle(event, segment)).as("%s in %s", event, segment)
                        .isEqualTo(axon.canHandle(event, segment));
            }
        }
        assertThat(kept.canHandleType(Opened.class)).isTrue();
        assertThat(kept.canHandleType(Closed.class)).isTrue();
        assertThat(kept.canHandleType(Unrelated.class)).isFalse();
        assertThat(kept.canHandleType(Object.class)).isEqualTo(axon.canHandleType(Object.class));
    }

    @Test
    void handsEventsToTheHandlersThatTakeThemAndNoneToHandlersThatDisallowAReplay() throws Exception {
        kept.handle(event(new Opened("a"), "a"), Segment.ROOT_SEGMENT);
        kept.handle(event(new Unrelated("a"), "a"), Segment.ROOT_SEGMENT);
        kept.handle(event(new Closed("a"), "a"), Segment.ROOT_SEGMENT);
        kept.handle(replayed(event(new Closed("b"), "b")), Segment.ROOT_SEGMENT);

        assertThat(doors.seen).containsExactly(new Opened("a"), new Closed("a"), new Closed("b"));
        assertThat(alarm.seen).as("the replayed event is not the alarm's").containsExactly(new Closed("a"));
    }

    @Test
    void supportsAResetWhereAxonDoesAndPassesItOn() {
        assertThat(kept.supportsReset()).isTrue();
        assertThat(HandledTypes.of(SimpleEventHandlerInvoker.builder().eventHandlers(new Alarm()).build()).supportsReset())
                .isFalse();

        kept.performReset();
        kept.performReset("context");

        assertThat(doors.resets).isEqualTo(2);
    }
}
