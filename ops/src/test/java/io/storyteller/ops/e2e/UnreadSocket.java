package io.storyteller.ops.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A GraphQL WebSocket client that stops reading once it has subscribed, like a stalled browser
 * tab: the JDK's WebSocket reads from the network only while messages are requested, so the
 * server's writes back up into the socket. {@link #resumeReading} drains what was sent, up to the
 * server's close frame.
 */
final class UnreadSocket implements WebSocket.Listener {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason;
    private WebSocket socket;

    static UnreadSocket subscribe(int port, String token, String subscription) {
        UnreadSocket client = new UnreadSocket();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), client).join();
        client.socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true).join();
        client.acknowledged.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        client.reading.set(false);
        client.socket.sendText(subscription, true).join();
        return client;
    }

    /** Reads everything the server sent; returns once its close frame arrived, with the close code. */
    int resumeReading(Duration patience) {
        reading.set(true);
        socket.request(1); // each message read then asks for the next (onText)
        return closeCode.orTimeout(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }

    String closeReason() {
        return closeReason;
    }

    int messagesRead() {
        return messages.size();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            messages.add(message);
            if (message.contains("\"connection_ack\"")) {
                acknowledged.complete(null);
            }
        }
        if (reading.get()) {
            ws.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeReason = reason;
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
