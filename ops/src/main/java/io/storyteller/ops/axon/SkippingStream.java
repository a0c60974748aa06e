package io.storyteller.ops.axon;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * A processor's stream of the event log that passes over the payload types its processor said it
 * has no handler for ({@link #skipMessagesWithPayloadTypeOf}), as Axon Server does on its side.
 * <p>
 * A pooled processor's coordinator offers every event to each of its segments' queues, whether a
 * handler takes it or not, and counts the queues as it goes; for a processor that handles a few
 * of the log's event types, that was most of its replay. Passing over an event still has to move
 * the processor's position past it, or a processor whose last handled event lies far behind the
 * head would look behind until its next one. So of a run of passed-over events the last is held
 * back, and delivered as it was whenever the stream has nothing else to give at that moment: once
 * the log is read up to the head, the processor's position is at the head, as without passing over.
 * Events after a held-back one make it unnecessary, since their positions cover it.
 * <p>
 * Used by one coordinator thread at a time, as Axon uses its streams.
 */
final class SkippingStream implements BlockingStream<TrackedEventMessage<?>> {

    private final BlockingStream<TrackedEventMessage<?>> delegate;
    private final Set<Class<?>> skipped = new HashSet<>();
    private TrackedEventMessage<?> heldBack;

    SkippingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        Optional<TrackedEventMessage<?>> wanted = nextWanted();
        return wanted.isPresent() ? wanted : Optional.ofNullable(heldBack);
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (nextWanted().isPresent() || heldBack != null) {
            return true;
        }
        return delegate.hasNextAvailable(timeout, unit) && (nextWanted().isPresent() || heldBack != null);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        if (nextWanted().isPresent()) {
            heldBack = null;
            return delegate.nextAvailable();
        }
        if (heldBack != null) {
            TrackedEventMessage<?> next = heldBack;
            heldBack = null;
            return next;
        }
        // nothing read yet: wait for the next event, whatever its type, as the store's stream does
        return delegate.nextAvailable();
    }

    /**
     * The next event of a type not passed over, without taking it; the passed-over events before
     * it are taken from the store's stream, the last of them held back.
     */
    private Optional<TrackedEventMessage<?>> nextWanted() {
        if (skipped.isEmpty()) {
            return delegate.peek();
        }
        while (true) {
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            if (next.isEmpty() || !skipped.contains(next.get().getPayloadType())) {
                return next;
            }
            try {
                heldBack = delegate.nextAvailable();
            } catch (InterruptedException e) {
                // not reached: the event was peeked, so it is available
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        skipped.add(ignoredMessage.getPayloadType());
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        return delegate.setOnAvailableCallback(callback);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
