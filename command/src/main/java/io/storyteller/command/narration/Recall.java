package io.storyteller.command.narration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.storyteller.command.narration.context.Recalled;
import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.TurnRecall;
import java.time.Duration;
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
 * <p>
 * The recall needs nothing but the action, so it starts as soon as the action is admitted
 * ({@link #prepare}), while the action is stored and reaches the narration engine; the turn then
 * takes the prepared recall instead of asking again. A prepared recall nobody takes (the turn was
 * narrated elsewhere, or failed first) is dropped after {@link #PREPARED_FOR}.
 */
public class Recall {

    private static final Logger log = LoggerFactory.getLogger(Recall.class);

    /** Lore entries asked for; the lore budget decides how many are given. */
    static final int LORE_HITS = 6;
    /** Older beats given at most; more are asked for, as the recent window's own beats are dropped. */
    static final int MEMORY_HITS = 4;
    static final Duration PREPARED_FOR = Duration.ofMinutes(1);
    static final int PREPARED_KEPT = 10_000;

    private record Prepared(String worldId, String storyId, String action) {
    }

    private final QueryGateway queries;
    private final Duration timeout;
    private final int recentBeats;
    private final Cache<Prepared, CompletableFuture<Recalled>> prepared = Caffeine.newBuilder()
            .expireAfterWrite(PREPARED_FOR).maximumSize(PREPARED_KEPT).build();

    /** @param recentBeats the most beats a turn's recent window holds */
    public Recall(QueryGateway queries, Duration timeout, int recentBeats) {
        this.queries = queries;
        this.timeout = timeout;
        this.recentBeats = recentBeats;
    }

    /**
     * Starts the recall of an admitted action, for the turn that will answer it. It asks for as many
     * older beats as the fullest recent window could need to drop, so it serves the turn whatever
     * the window then holds. Nothing waits for it here.
     */
    public void prepare(String worldId, String storyId, String action) {
        if (action == null || action.isBlank()) {
            return;
        }
        prepared.put(new Prepared(worldId, storyId, clipped(action)), ask(worldId, storyId, action, recentBeats));
    }

    /**
     * The turn's recall: the one prepared for this action when there is one (asked again if it
     * failed), else asked now.
     *
     * @param windowSize the beats the recent window holds, which story memory need not repeat
     */
    public CompletableFuture<Recalled> start(String worldId, String storyId, String action, int windowSize) {
        if (action == null || action.isBlank()) {
            return CompletableFuture.completedFuture(Recalled.NOTHING);
        }
        CompletableFuture<Recalled> ready = prepared.asMap().remove(new Prepared(worldId, storyId, clipped(action)));
        if (ready != null) {
            // a prepared recall that failed (search down a moment) is asked once more, as the turn would have
            return ready.exceptionallyCompose(failure -> ask(worldId, storyId, action, windowSize));
        }
        return ask(worldId, storyId, action, windowSize);
    }

    private CompletableFuture<Recalled> ask(String worldId, String storyId, String action, int windowSize) {
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
