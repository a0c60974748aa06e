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
import java.util.function.Predicate;
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
 * takes the prepared recall instead of asking again. It is begun only where the turn will be
 * narrated (beside other instances, the node whose narration engine holds the story's segment). A
 * prepared recall nobody takes (the segment moved, or the turn failed first) is dropped after
 * {@link #PREPARED_FOR}.
 */
public class Recall {

    private static final Logger log = LoggerFactory.getLogger(Recall.class);

    /** Lore entries asked for; the lore budget decides how many are given. */
    static final int LORE_HITS = 6;
    /** Beats older than the recent window given at most. */
    static final int MEMORY_HITS = 4;
    static final Duration PREPARED_FOR = Duration.ofMinutes(1);
    static final int PREPARED_KEPT = 10_000;

    private record Prepared(String worldId, String storyId, String action) {
    }

    /** A recall begun at admission, for a turn whose recent window will start at {@code windowStart}. */
    private record Begun(int windowStart, CompletableFuture<Recalled> recall) {
    }

    private final QueryGateway queries;
    private final Duration timeout;
    private final int recentBeats;
    private final Predicate<String> narratedHere;
    private final Cache<Prepared, Begun> prepared = Caffeine.newBuilder()
            .expireAfterWrite(PREPARED_FOR).maximumSize(PREPARED_KEPT).build();

    /** A recall for a node that narrates every story (one instance, its engine always running). */
    public Recall(QueryGateway queries, Duration timeout, int recentBeats) {
        this(queries, timeout, recentBeats, storyId -> true);
    }

    /**
     * @param recentBeats  the most beats a turn's recent window holds
     * @param narratedHere whether a story's next turn is narrated on this node ({@link LocalNarration})
     */
    public Recall(QueryGateway queries, Duration timeout, int recentBeats, Predicate<String> narratedHere) {
        this.queries = queries;
        this.timeout = timeout;
        this.recentBeats = recentBeats;
        this.narratedHere = narratedHere;
    }

    /**
     * Starts the recall of an admitted action, for the turn that will answer it: story memory among
     * the beats older than the recent window that turn will hold (the action added to the story's
     * {@code beatsBefore}). Nothing waits for it here, and nothing is asked when another node will
     * narrate the turn: that node's turn asks for itself.
     */
    public void prepare(String worldId, String storyId, String action, int beatsBefore) {
        if (action == null || action.isBlank() || !narratedHere.test(storyId)) {
            return;
        }
        int windowStart = Math.max(1, beatsBefore + 1 - recentBeats + 1);
        prepared.put(new Prepared(worldId, storyId, clipped(action)),
                new Begun(windowStart, ask(worldId, storyId, action, windowStart)));
    }

    /**
     * The turn's recall: the one prepared for this action when there is one and its window starts
     * where the turn's does (asked again if it failed), else asked now. Another player's turn
     * between the action's admission and its own moves the window on, and so asks anew.
     *
     * @param windowStart the story position the turn's recent window starts at: story memory is
     *                    searched among older beats only, and not at all from the first
     */
    public CompletableFuture<Recalled> start(String worldId, String storyId, String action, int windowStart) {
        if (action == null || action.isBlank()) {
            return CompletableFuture.completedFuture(Recalled.NOTHING);
        }
        Begun begun = prepared.asMap().remove(new Prepared(worldId, storyId, clipped(action)));
        if (begun != null && begun.windowStart() == windowStart) {
            // a prepared recall that failed (search down a moment) is asked once more, as the turn would have
            return begun.recall().exceptionallyCompose(failure -> ask(worldId, storyId, action, windowStart));
        }
        return ask(worldId, storyId, action, windowStart);
    }

    private CompletableFuture<Recalled> ask(String worldId, String storyId, String action, int windowStart) {
        RecallForTurn query = new RecallForTurn(worldId, storyId, clipped(action), LORE_HITS, MEMORY_HITS, windowStart);
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
