package io.storyteller.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One GraphQL-over-WebSocket session (protocol graphql-transport-ws) watching one story through
 * {@code storyEvents}, as a browser would: the token in {@code connection_init}, one
 * {@code subscribe}, a {@code pong} for every {@code ping}. Each narration beat received is timed
 * against the beat's {@code createdAt} (the {@code NarrationRecorded} event's timestamp).
 */
final class StorySession implements WebSocket.Listener {

    static final String SUBSCRIPTION = """
            subscription($s: ID!) { storyEvents(storyId: $s) { kind requestId reason beat { id kind createdAt } } }""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String storyId;
    private final String token;
    private final LoadTally tally;
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<Instant>> nextNarration = new AtomicReference<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;

    StorySession(String storyId, String token, LoadTally tally) {
        this.storyId = storyId;
        this.token = token;
        this.tally = tally;
    }

    /** Connects, authenticates and subscribes; completes once the server acknowledged the connection. */
    CompletableFuture<Void> open(HttpClient http, URI webSocket, Duration timeout) {
        return http.newWebSocketBuilder().subprotocols("graphql-transport-ws").connectTimeout(timeout)
                .buildAsync(webSocket, this)
                .thenCompose(ws -> {
                    socket = ws;
                    return ws.sendText(json(Map.of("type", "connection_init",
                            "payload", Map.of("Authorization", "Bearer " + token))), true);
                })
                .thenCompose(ws -> acknowledged.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(ok -> socket.sendText(json(Map.of("id", "1", "type", "subscribe", "payload",
                        Map.of("query", SUBSCRIPTION, "variables", Map.of("s", storyId)))), true))
                .thenApply(ws -> null);
    }

    /**
     * Completes with its arrival time when the next narration beat of the story arrives here (a story
     * has one pending narration at a time, so it answers the action about to be submitted), or fails
     * when the narration fails. Call it before submitting the action.
     */
    CompletableFuture<Instant> nextNarration() {
        CompletableFuture<Instant> next = new CompletableFuture<>();
        nextNarration.set(next);
        return next;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !closed) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "load run over").exceptionally(failed -> null);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            received(ws, message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed = true;
        tally.closedByServer(statusCode, reason);
        acknowledged.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed = true;
        tally.failed(error);
        acknowledged.completeExceptionally(error);
    }

    private void received(WebSocket ws, String message) {
        Instant arrived = Instant.now();
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (java.io.IOException e) {
            tally.error("unreadable message: " + e.getMessage());
            return;
        }
        switch (node.path("type").asText()) {
            case "connection_ack" -> acknowledged.complete(null);
            case "ping" -> ws.sendText("{\"type\":\"pong\"}", true);
            case "next" -> update(node.path("payload").path("data").path("storyEvents"), arrived);
            case "error" -> tally.error("subscription error: " + node.path("payload"));
            case "complete" -> tally.error("subscription completed by the server");
            default -> { }
        }
    }

    private void update(JsonNode update, Instant arrived) {
        tally.event();
        JsonNode beat = update.path("beat");
        String kind = update.path("kind").asText();
        if ("BEAT_ADDED".equals(kind) && "NARRATION".equals(beat.path("kind").asText())) {
            Instant recorded = Instant.parse(beat.path("createdAt").asText());
            tally.delivered(Duration.between(recorded, arrived));
            CompletableFuture<Instant> awaited = nextNarration.getAndSet(null);
            if (awaited != null) {
                awaited.complete(arrived);
            }
        } else if ("NARRATION_FAILED".equals(kind)) {
            CompletableFuture<Instant> awaited = nextNarration.getAndSet(null);
            if (awaited != null) {
                awaited.completeExceptionally(new IllegalStateException("narration failed: " + update.path("reason").asText()));
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
