package io.storyteller.graphql.transport;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

    /** 1013 "try again later": the server will not keep buffering for this client. */
    public static final int TOO_SLOW_CODE = 1013;
    public static final CloseStatus TOO_SLOW = new CloseStatus(TOO_SLOW_CODE, "client too slow: send buffer full");

    private final long maxBufferedBytes;
    private final long sendTimeLimitNanos;
    private final Executor sender;
    private final Queue<WebSocketMessage<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private volatile long writeStartedAt;
    private volatile boolean writing;

    public BoundedSendSession(WebSocketSession session, long maxBufferedBytes, long sendTimeLimitNanos, Executor sender) {
        super(session);
        this.maxBufferedBytes = maxBufferedBytes;
        this.sendTimeLimitNanos = sendTimeLimitNanos;
        this.sender = sender;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (dropped.get()) {
            throw new IOException("session " + getId() + " was closed as too slow");
        }
        long buffered = bufferedBytes.addAndGet(message.getPayloadLength());
        boolean stuck = writing && System.nanoTime() - writeStartedAt > sendTimeLimitNanos;
        if (buffered > maxBufferedBytes || stuck) {
            drop();
            throw new IOException("session " + getId() + " closed as too slow: " + buffered + " bytes unsent"
                    + (stuck ? ", a write pending for longer than the limit" : ""));
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

    /** Once dropped, the close already sent stands: a later close (Spring GraphQL's 1011 after the failed send) is ignored. */
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
                    drop();
                    return;
                } finally {
                    writing = false;
                    bufferedBytes.addAndGet(-message.getPayloadLength());
                }
            }
            sending.set(false);
        } while (!dropped.get() && !queue.isEmpty() && sending.compareAndSet(false, true));
    }

    private void drop() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        // The close frame waits behind a pending write, so it is sent from the sender's executor, not the caller's thread.
        sender.execute(() -> {
            try {
                getDelegate().close(TOO_SLOW);
            } catch (IOException | RuntimeException alreadyGone) {
                // the connection is gone: nothing left to tell the client
            }
        });
    }
}
