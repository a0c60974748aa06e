package io.storyteller.ops.axon;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TCP port on the loopback interface that records the first bytes a client sends and answers
 * nothing: enough to see who tries to connect and in which protocol, with no server behind it.
 */
final class ConnectionRecorder implements AutoCloseable {

    /** The HTTP/2 client preface ({@code PRI * HTTP/2.0...}) is 24 bytes. */
    private static final int RECORDED = 24;

    private final ServerSocket socket;
    private final CompletableFuture<byte[]> firstBytes = new CompletableFuture<>();
    private final Thread acceptor;

    ConnectionRecorder() throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("connection-recorder").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The first bytes of the first connection, waiting at most {@code patience} for them. */
    byte[] firstBytes(Duration patience) throws Exception {
        return firstBytes.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void accept() {
        try (Socket client = socket.accept(); InputStream in = client.getInputStream()) {
            byte[] read = in.readNBytes(RECORDED);
            firstBytes.complete(Arrays.copyOf(read, read.length));
        } catch (IOException e) {
            firstBytes.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
