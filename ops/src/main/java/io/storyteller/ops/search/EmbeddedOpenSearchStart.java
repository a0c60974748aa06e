package io.storyteller.ops.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded node's start, begun as soon as the application's bean definitions are read, so that
 * it runs beside the rest of the start (the embedded PostgreSQL, Flyway, the other beans) instead of
 * after them. Whoever needs the node waits for it. If the application fails to start first, the node
 * is stopped with it.
 */
final class EmbeddedOpenSearchStart implements DisposableBean {

    private final CompletableFuture<EmbeddedOpenSearchNode> node;

    private EmbeddedOpenSearchStart(CompletableFuture<EmbeddedOpenSearchNode> node) {
        this.node = node;
    }

    static EmbeddedOpenSearchStart begin(Path directory, Duration startupTimeout) {
        CompletableFuture<EmbeddedOpenSearchNode> node = new CompletableFuture<>();
        Thread.ofPlatform().name("opensearch-start").daemon(true).start(() -> {
            try {
                node.complete(EmbeddedOpenSearchNode.start(directory, startupTimeout));
            } catch (Throwable failure) {
                node.completeExceptionally(failure);
            }
        });
        return new EmbeddedOpenSearchStart(node);
    }

    /** The started node, once it serves; the start's own failure if it did not. */
    EmbeddedOpenSearchNode node() throws IOException {
        try {
            return node.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("Embedded OpenSearch did not start: " + cause, cause);
        }
    }

    /** Stops the node, waiting for a start still in progress: a node left starting would keep its directory locked. */
    @Override
    public void destroy() throws IOException {
        EmbeddedOpenSearchNode started;
        try {
            started = node.join();
        } catch (CompletionException failed) {
            return; // nothing started
        }
        started.close();
    }
}
