package io.storyteller.command.narration;

import io.storyteller.command.narration.context.Recalled;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.storyteller.domain.retrieval.TurnRecall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks search for a turn's lore (BM25 and meaning, fused) and story memory (older beats of the
 * story), both in one request ({@link RecallForTurn}: the action embedded once, BM25 and k-NN of
 * lore and of the story's beats in one round trip). Search is a help, not a need: when it is
 * down or slow the turn goes on with key-activated lore and the recent beats, and the log says so.
 */
public class Recall {

    private static final Logger log = LoggerFactory.getLogger(Recall.class);

    /** Lore entries asked for; the lore budget decides how many are given. */
    static final int LORE_HITS = 6;
    /** Older beats given at most; more are asked for, as the recent window's own beats are dropped. */
    static final int MEMORY_HITS = 4;

    private final QueryGateway queries;
    private final Duration timeout;

    public Recall(QueryGateway queries, Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /**
     * Starts embedding an admitted action while it is stored and reaches the narration engine: the
     * turn's recall asks the embedder for the same text a moment later and finds it made (or being
     * made). Nothing waits for it and a failure here costs nothing but the head start: the recall
     * embeds on its own then.
     */
    public void prepare(String worldId, String action) {
        if (action == null || action.isBlank()) {
            return;
        }
        EmbedTexts query = new EmbedTexts(worldId, List.of(clipped(action)));
        Thread.ofVirtual().name("recall-prepare").start(() -> {
            try {
                queries.query(query, TextEmbeddings.class).join();
            } catch (RuntimeException e) {
                log.debug("The action of a turn in world {} was not embedded ahead: {}", worldId, e.toString());
            }
        });
    }

    /** @param windowSize the beats the recent window holds, which story memory need not repeat */
    public CompletableFuture<Recalled> start(String worldId, String storyId, String action, int windowSize) {
        if (action == null || action.isBlank()) {
            return CompletableFuture.completedFuture(Recalled.NOTHING);
        }
        RecallForTurn query = new RecallForTurn(worldId, storyId, clipped(action), LORE_HITS,
                Math.min(SearchLore.MAX_FIRST, MEMORY_HITS + windowSize));
        // On its own virtual thread: the query bus answers on the caller's, and the turn has other work meanwhile.
        return CompletableFuture.supplyAsync(() -> queries.query(query, TurnRecall.class).join(),
                        task -> Thread.ofVirtual().name("recall").start(task))
                .thenApply(found -> new Recalled(
                        found.lore().stream()
                                .map(h -> new Recalled.RecalledLore(h.loreEntryId(), h.score(), h.reason().describe()))
                                .toList(),
                        found.memories().stream()
                                .map(h -> new Recalled.Memory(h.beatId(), h.text(), h.score(), h.reason().describe()))
                                .toList()));
    }

    private static String clipped(String text) {
        return text.length() > SearchLore.MAX_TEXT ? text.substring(0, SearchLore.MAX_TEXT) : text;
    }

    public Recalled await(CompletableFuture<Recalled> recall) {
        try {
            return recall.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("recall interrupted", e);
        } catch (Exception e) {
            recall.cancel(true);
            log.warn("Search recalled nothing for this turn: {}", e.toString());
            return Recalled.NOTHING;
        }
    }
}
