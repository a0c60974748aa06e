package io.storyteller.graphql.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A bare graphql-transport-ws client: sends protocol messages, collects what the server answers. */
public final class GraphQlSocket extends TextWebSocketHandler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final WebSocketSession session;

    private GraphQlSocket(URI uri, String bearerToken) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setSecWebSocketProtocol("graphql-transport-ws");
        if (bearerToken != null) {
            headers.setBearerAuth(bearerToken);
        }
        session = new StandardWebSocketClient().execute(this, headers, uri).get(10, TimeUnit.SECONDS);
    }

    public static GraphQlSocket open(int port) throws Exception {
        return new GraphQlSocket(URI.create("ws://localhost:" + port + "/graphql"), null);
    }

    /** Authenticates the handshake itself, as non-browser clients can. */
    public static GraphQlSocket openWithBearer(int port, String token) throws Exception {
        return new GraphQlSocket(URI.create("ws://localhost:" + port + "/graphql"), token);
    }

    public void send(Map<String, Object> message) throws Exception {
        session.sendMessage(new TextMessage(JSON.writeValueAsString(message)));
    }

    /** The next message from the server, failing after a few seconds of silence. */
    public JsonNode next() throws InterruptedException {
        JsonNode message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message from the server; closed: " + closed.getNow(null));
        }
        return message;
    }

    public CloseStatus closeStatus() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        received.add(JSON.readTree(message.getPayload()));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed.complete(status);
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
