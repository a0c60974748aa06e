package io.storyteller.graphql.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

/**
 * Spring GraphQL's WebSocket handler, given each session as a {@link BoundedSendSession} so that a
 * slow client is dropped instead of buffered. The container's own blocking write timeout is set to
 * twice the send time limit: a write to a client that reads nothing fails after it too, while a
 * client dropped for a full buffer that reads again still has time to receive the close frame
 * (which waits behind the write in progress).
 */
public class BoundedSendHandler extends GraphQlWebSocketHandler {

    /** Tomcat's per-session property for how long a blocking write may wait (milliseconds). */
    static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final LiveUpdateLimits limits;
    private final Executor sender;
    private final Map<String, BoundedSendSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    public BoundedSendHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<?> converter,
            Duration initTimeout, Duration keepAlive, CorsConfiguration cors,
            LiveUpdateLimits limits, Executor sender) {
        super(graphQlHandler, converter, initTimeout, keepAlive, cors);
        this.limits = limits;
        this.sender = sender;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        if (session instanceof StandardWebSocketSession standard && standard.getNativeSession() != null) {
            standard.getNativeSession().getUserProperties().put(BLOCKING_SEND_TIMEOUT, 2 * limits.sendTimeLimit().toMillis());
        }
        BoundedSendSession bounded = new BoundedSendSession(session, limits.sendBuffer().toBytes(),
                limits.sendTimeLimit().toNanos(), sender, dropped::incrementAndGet);
        sessions.put(session.getId(), bounded);
        super.afterConnectionEstablished(bounded);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        super.handleMessage(bounded(session), message);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
        super.handleTransportError(bounded(session), exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
        BoundedSendSession bounded = sessions.remove(session.getId());
        super.afterConnectionClosed(bounded != null ? bounded : session, closeStatus);
    }

    /** Sessions closed as too slow since the start. */
    public long droppedSessions() {
        return dropped.get();
    }

    /** Sessions open now. */
    public int openSessions() {
        return sessions.size();
    }

    private WebSocketSession bounded(WebSocketSession session) {
        BoundedSendSession bounded = sessions.get(session.getId());
        return bounded != null ? bounded : session;
    }
}
