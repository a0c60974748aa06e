package io.storyteller.graphql.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** Sends that never block the caller, in order, and a session closed with 1013 once too much waits for it. */
class BoundedSendSessionTest {

    final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    final SlowSocket socket = new SlowSocket();
    final java.util.concurrent.atomic.AtomicInteger drops = new java.util.concurrent.atomic.AtomicInteger();

    @AfterEach
    void stop() {
        socket.unblock.countDown();
        sender.close();
    }

    @Test
    void messagesAreWrittenInOrderOffTheCallersThread() throws Exception {
        socket.unblock.countDown();
        BoundedSendSession session = new BoundedSendSession(socket, 1024, Duration.ofSeconds(10).toNanos(), sender, drops::incrementAndGet);

        for (int i = 0; i < 50; i++) {
            session.sendMessage(new TextMessage("m" + i));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> socket.written.size() == 50);
        assertThat(socket.written).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
        assertThat(socket.writerThreads).doesNotContain(Thread.currentThread().getName());
        assertThat(session.bufferedBytes()).isZero();
        assertThat(socket.closed).isEmpty();
    }

    @Test
    void aSessionDroppedWhileIdleIsClosedAtOnce() throws Exception {
        socket.unblock.countDown();
        BoundedSendSession session = new BoundedSendSession(socket, 10, Duration.ofSeconds(10).toNanos(), sender, drops::incrementAndGet);

        session.sendMessage(new TextMessage("far more than ten bytes"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.closed.isEmpty());
        assertThat(socket.closed).containsExactly(BoundedSendSession.TOO_SLOW);
        assertThat(socket.written).isEmpty();
    }

    @Test
    void aClientThatReadsNothingIsClosedAsTooSlowOnceItsBufferIsFull() throws Exception {
        BoundedSendSession session = new BoundedSendSession(socket, 100, Duration.ofSeconds(10).toNanos(), sender, drops::incrementAndGet);
        String forty = "x".repeat(40);

        session.sendMessage(new TextMessage(forty)); // being written, blocked
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.writing); // the sender thread has taken it
        session.sendMessage(new TextMessage(forty));
        assertThat(socket.closed).isEmpty();
        session.sendMessage(new TextMessage(forty)); // 120 bytes waiting: over the limit

        assertThat(drops).hasValue(1);
        session.sendMessage(new TextMessage("discarded"));
        session.close(CloseStatus.SERVER_ERROR);
        Thread.sleep(100);
        assertThat(socket.closed).as("the close frame waits for the write in progress").isEmpty();

        socket.unblock.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.closed.isEmpty());
        assertThat(socket.closed).containsExactly(BoundedSendSession.TOO_SLOW);
        assertThat(socket.closed.getFirst().getCode()).isEqualTo(1013);
        assertThat(socket.written).as("only the write in progress went out").containsExactly(forty);
    }

    @Test
    void aWritePendingForLongerThanTheTimeLimitClosesTheSessionAtTheNextMessage() throws Exception {
        BoundedSendSession session = new BoundedSendSession(socket, 1_000_000, Duration.ofMillis(50).toNanos(), sender, drops::incrementAndGet);
        session.sendMessage(new TextMessage("stuck"));
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.writing);
        Thread.sleep(100);

        session.sendMessage(new TextMessage("next"));
        assertThat(drops).hasValue(1);

        socket.unblock.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.closed.isEmpty());
        assertThat(socket.closed).containsExactly(BoundedSendSession.TOO_SLOW);
    }

    /** A socket whose writes wait until {@link #unblock} opens. */
    static final class SlowSocket implements WebSocketSession {

        final CountDownLatch unblock = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<String> writerThreads = new CopyOnWriteArrayList<>();
        final List<CloseStatus> closed = new CopyOnWriteArrayList<>();
        volatile boolean writing;

        @Override
        public void sendMessage(WebSocketMessage<?> message) {
            writing = true;
            writerThreads.add(Thread.currentThread().getName());
            try {
                unblock.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(((TextMessage) message).getPayload());
            writing = false;
        }

        @Override
        public void close(CloseStatus status) {
            closed.add(status);
        }

        @Override
        public void close() {
            close(CloseStatus.NORMAL);
        }

        @Override
        public String getId() {
            return "slow";
        }

        @Override
        public URI getUri() {
            return URI.create("ws://localhost/graphql");
        }

        @Override
        public HttpHeaders getHandshakeHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Principal getPrincipal() {
            return null;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public String getAcceptedProtocol() {
            return "graphql-transport-ws";
        }

        @Override
        public void setTextMessageSizeLimit(int messageSizeLimit) {
        }

        @Override
        public int getTextMessageSizeLimit() {
            return 0;
        }

        @Override
        public void setBinaryMessageSizeLimit(int messageSizeLimit) {
        }

        @Override
        public int getBinaryMessageSizeLimit() {
            return 0;
        }

        @Override
        public List<WebSocketExtension> getExtensions() {
            return List.of();
        }

        @Override
        public boolean isOpen() {
            return closed.isEmpty();
        }
    }
}
