package io.storyteller.command.narration.pipeline;

import io.storyteller.command.narration.context.EmbeddedContext;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turn's context being embedded by the world's embedder while the turn goes on: it is started
 * with the turn and needed only when the candidates are judged (the coherence score), so its time
 * is spent while the models write, not before.
 */
public final class ContextEmbedding {

    private static final Logger log = LoggerFactory.getLogger(ContextEmbedding.class);

    private final String text;
    private final CompletableFuture<TextEmbeddings> embedding;

    private ContextEmbedding(String text, CompletableFuture<TextEmbeddings> embedding) {
        this.text = text;
        this.embedding = embedding;
    }

    /**
     * Starts embedding the context of a turn ({@link EmbeddedContext#text}) on a virtual thread.
     *
     * @param storyLines the recent beats, oldest first (actions start with "> ")
     */
    public static ContextEmbedding start(QueryGateway queries, String worldId, List<String> storyLines, String action) {
        return startAfter(CompletableFuture.completedFuture(null), queries, worldId, storyLines, action);
    }

    /**
     * As {@link #start}, once {@code first} is done (however it ended). The turn's recall embeds the
     * action and searches before the prompt can be written; the context is needed only when the
     * candidates are judged. Started after the recall, it runs while the prompt is assembled and
     * the models write instead of taking the two cores from the recall.
     */
    public static ContextEmbedding startAfter(CompletableFuture<?> first, QueryGateway queries, String worldId,
            List<String> storyLines, String action) {
        String text = EmbeddedContext.text(storyLines, action);
        // The query bus answers on the caller's thread: this one is the turn's to spare.
        return new ContextEmbedding(text, first.handle((done, failed) -> text).thenApplyAsync(
                context -> queries.query(new EmbedTexts(worldId, List.of(context)), TextEmbeddings.class).join(),
                task -> Thread.ofVirtual().name("context-embedding").start(task)));
    }

    /** The context as embedded, or null when the embedder failed or took longer than {@code timeout}. */
    public EmbeddedContext await(Duration timeout) {
        try {
            TextEmbeddings found = embedding.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new EmbeddedContext(text, found.vectors().getFirst(), found.embedder());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding the turn's context", e);
        } catch (Exception e) {
            embedding.cancel(true);
            log.warn("The turn's context was not embedded: {}", e.toString());
            return null;
        }
    }

    /** The context's text. */
    public String text() {
        return text;
    }
}
