package io.storyteller.graphql.transport;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * A WebSocket session whose sends never block the caller and never queue without bound. Spring
 * GraphQL writes each session's messages one at a time and waits for each write; a client that
 * stops reading would hold its messages in memory and a thread for as long as the container's
 * write timeout. Here a message is queued and written by one sender task at a time (on a virtual
 * thread); when the queued bytes pass {@code maxBufferedBytes}, or a write has been in progress
 * for longer than the time limit when the next message comes, the session is closed with
 * {@link #TOO_SLOW} and what it had queued is dropped. Other sessions are not affected.
 */
public final class BoundedSendSession extends WebSocketSessionDecorator {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedSendSession.class);

    /** 1013 "try again later": the server will not keep buffering for this client. */
    public static final int TOO_SLOW_CODE = 1013;
    public static final CloseStatus TOO_SLOW = new CloseStatus(TOO_SLOW_CODE, "client too slow: send buffer full");

    private final long maxBufferedBytes;
    private final long sendTimeLimitNanos;
    private final Executor sender;
    private final Runnable onDrop;
    private final Queue<WebSocketMessage<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private volatile long writeStartedAt;
    private volatile boolean writing;

    /** {@code onDrop} runs once when the session is found too slow. */
    public BoundedSendSession(WebSocketSession session, long maxBufferedBytes, long sendTimeLimitNanos, Executor sender,
            Runnable onDrop) {
        super(session);
        this.maxBufferedBytes = maxBufferedBytes;
        this.sendTimeLimitNanos = sendTimeLimitNanos;
        this.sender = sender;
        this.onDrop = onDrop;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (dropped.get()) {
            return; // closing: what comes until the subscriptions end is discarded
        }
        long buffered = bufferedBytes.addAndGet(message.getPayloadLength());
        boolean stuck = writing && System.nanoTime() - writeStartedAt > sendTimeLimitNanos;
        if (buffered > maxBufferedBytes || stuck) {
            LOG.warn("Closing WebSocket session {} as too slow: {} bytes unsent{}", getId(), buffered,
                    stuck ? ", a write pending for longer than the send time limit" : "");
            drop();
            return;
        }
        queue.add(message);
        if (sending.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    /** Bytes queued and not yet written. */
    public long bufferedBytes() {
        return bufferedBytes.get();
    }

    /** Once dropped, the close already under way stands: a later close is ignored. */
    @Override
    public void close(CloseStatus status) throws IOException {
        if (!dropped.get()) {
            super.close(status);
        }
    }

    private void drain() {
        do {
            WebSocketMessage<?> message;
            while (!dropped.get() && (message = queue.poll()) != null) {
                writeStartedAt = System.nanoTime();
                writing = true;
                try {
                    getDelegate().sendMessage(message);
                } catch (IOException | RuntimeException failed) {
                    LOG.debug("Closing WebSocket session {}: a write failed", getId(), failed);
                    drop();
                } finally {
                    writing = false;
                    bufferedBytes.addAndGet(-message.getPayloadLength());
                }
            }
            sending.set(false);
        } while (!dropped.get() && !queue.isEmpty() && sending.compareAndSet(false, true));
        if (dropped.get()) {
            closeAsTooSlow();
        }
    }

    /**
     * The close frame cannot overtake a write in progress (the container refuses it and aborts the
     * connection), so a drop during a write leaves the close to the sender once that write ends.
     */
    private void drop() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        onDrop.run();
        if (!sending.get()) {
            sender.execute(this::closeAsTooSlow);
        }
    }

    private void closeAsTooSlow() {
        if (!closeSent.compareAndSet(false, true)) {
            return;
        }
        try {
            getDelegate().close(TOO_SLOW);
        } catch (IOException | RuntimeException alreadyGone) {
            // the connection is gone: nothing left to tell the client
        }
    }
}
