package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

/**
 * A processor's stream passes over the types its processor handles none of, but still gives the
 * last of them whenever nothing else is there to give, so the processor's position reaches the head.
 */
class SkippingStreamTest {

    record Handled(long at) {
    }

    record Unhandled(long at) {
    }

    /** The store's stream over a list of events that can grow, never blocking. */
    static final class Log implements BlockingStream<TrackedEventMessage<?>> {
        final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        final List<Class<?>> skipsForwarded = new ArrayList<>();
        long position;

        Log add(Object... payloads) {
            for (Object payload : payloads) {
                position++;
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                        GenericEventMessage.asEventMessage(payload)));
            }
            return this;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.remove();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skipsForwarded.add(ignoredMessage.getPayloadType());
        }

        @Override
        public void close() {
        }
    }

    private final Log log = new Log();
    private final SkippingStream stream = new SkippingStream(log);

    /** What a coordinator takes while the stream says there is more, as position: payload type. */
    private List<String> drain() throws InterruptedException {
        List<String> taken = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            TrackedEventMessage<?> peeked = stream.peek().orElseThrow();
            TrackedEventMessage<?> next = stream.nextAvailable();
            assertThat(next).isSameAs(peeked);
            taken.add(next.trackingToken().position().orElseThrow() + ":" + next.getPayloadType().getSimpleName());
        }
        return taken;
    }

    @Test
    void givesEveryEventUntilATypeIsPassedOver() throws Exception {
        log.add(new Handled(1), new Unhandled(2), new Handled(3));

        assertThat(drain()).containsExactly("1:Handled", "2:Unhandled", "3:Handled");
        assertThat(stream.peek()).isEmpty();
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    @Test
    void passesOverATypeOnceToldAndGivesTheLastOfARunWhenNothingElseIsThere() throws Exception {
        log.add(new Unhandled(1));
        TrackedEventMessage<?> first = stream.nextAvailable();
        stream.skipMessagesWithPayloadTypeOf(first);
        assertThat(log.skipsForwarded).as("the store's stream is told too").containsExactly(Unhandled.class);

        log.add(new Unhandled(2), new Unhandled(3), new Handled(4), new Unhandled(5), new Handled(6),
                new Unhandled(7), new Unhandled(8));
        assertThat(drain()).containsExactly("4:Handled", "6:Handled", "8:Unhandled");

        log.add(new Unhandled(9));
        assertThat(drain()).as("a new event alone at the head moves the position on").containsExactly("9:Unhandled");
        log.add(new Unhandled(10), new Handled(11));
        assertThat(drain()).containsExactly("11:Handled");
    }

    @Test
    void aHeldBackEventStaysUntilTakenAndIsDroppedOnceALaterOneIsThere() throws Exception {
        log.add(new Unhandled(1));
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        log.add(new Unhandled(2), new Unhandled(3));

        assertThat(stream.peek()).map(e -> e.trackingToken().position().orElseThrow()).hasValue(3L);
        log.add(new Handled(4));
        assertThat(stream.peek()).map(e -> e.trackingToken().position().orElseThrow()).hasValue(4L);
        assertThat(drain()).containsExactly("4:Handled");
    }
}
