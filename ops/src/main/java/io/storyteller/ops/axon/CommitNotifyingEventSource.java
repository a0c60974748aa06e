package io.storyteller.ops.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as pooled processors read it, with one addition: their streams tell when new
 * events have been committed in this application. Without it a pooled processor looks for new
 * events only every 500 ms, which every read model and every story subscriber would wait for.
 * Events committed by other instances are notified through the {@code LiveRelay} on the JDBC store,
 * by the store itself on Axon Server, and found in any case by the processors' own periodic check.
 * Each stream passes over the event types its processor has no handler for ({@link SkippingStream}).
 */
final class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * The store's own reader thread fetches committed events asynchronously, so a reader told at
     * commit may find nothing yet; it is told again a little later (each notice is cheap).
     */
    private static final long[] NOTICE_DELAYS_MILLIS = {2, 15, 60};

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Runnable onCommit = () -> {
    };
    private final ScheduledExecutorService notices = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("event-commit-notices").factory());

    CommitNotifyingEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        eventStore.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(unitOfWork -> {
                if (!unitOfWork.isRolledBack()) {
                    notifyReaders();
                    onCommit.run();
                }
            });
        } else {
            notifyReaders();
            onCommit.run();
        }
    }

    /** Also runs at each commit here (telling the other instances). */
    void alsoOnCommit(Runnable action) {
        onCommit = action;
    }

    /** Wakes the readers: events were committed here, or by another instance. */
    void notifyReaders() {
        for (long delay : NOTICE_DELAYS_MILLIS) {
            notices.schedule(() -> callbacks.forEach(Runnable::run), delay, TimeUnit.MILLISECONDS);
        }
    }

    void shutDown() {
        notices.shutdownNow();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(new SkippingStream(eventStore.openStream(trackingToken)));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    /** A stream of the store that registers its reader's availability callback for commit notices. */
    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            // A store that notifies by itself (Axon Server) keeps doing so; commits here notify too.
            delegate.setOnAvailableCallback(callback);
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
