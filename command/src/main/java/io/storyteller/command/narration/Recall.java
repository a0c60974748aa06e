package io.storyteller.command.narration;

import io.storyteller.command.narration.context.Recalled;
import io.storyteller.domain.retrieval.LoreHits;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.SearchStory;
import io.storyteller.domain.retrieval.StoryHits;
import io.storyteller.domain.shared.Actor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks search for a turn's lore (BM25 and meaning, fused) and story memory (older beats of the
 * story), both at once, with the action as the query. Search is a help, not a need: when it is
 * down or slow the turn goes on with key-activated lore and the recent beats, and the log says so.
 */
class Recall {

    private static final Logger log = LoggerFactory.getLogger(Recall.class);

    /** Lore entries asked for; the lore budget decides how many are given. */
    static final int LORE_HITS = 6;
    /** Older beats given at most; more are asked for, as the recent window's own beats are dropped. */
    static final int MEMORY_HITS = 4;

    private final QueryGateway queries;
    private final Duration timeout;

    Recall(QueryGateway queries, Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /** @param windowSize the beats the recent window holds, which story memory need not repeat */
    CompletableFuture<Recalled> start(String worldId, String storyId, String text, int windowSize) {
        if (text == null || text.isBlank()) {
            return CompletableFuture.completedFuture(Recalled.NOTHING);
        }
        String query = text.length() > SearchLore.MAX_TEXT ? text.substring(0, SearchLore.MAX_TEXT) : text;
        CompletableFuture<LoreHits> lore = queries.query(new SearchLore(worldId, Actor.system(), query, LORE_HITS),
                LoreHits.class);
        CompletableFuture<StoryHits> memory = queries.query(new SearchStory(storyId, Actor.system(), query, 0,
                Math.min(SearchLore.MAX_FIRST, MEMORY_HITS + windowSize)), StoryHits.class);
        return lore.thenCombine(memory, (l, m) -> new Recalled(
                l.hits().stream().map(h -> new Recalled.RecalledLore(h.loreEntryId(), h.score(), h.reason().describe()))
                        .toList(),
                m.hits().stream().map(h -> new Recalled.Memory(h.beatId(), h.text(), h.score(), h.reason().describe()))
                        .toList()));
    }

    Recalled await(CompletableFuture<Recalled> recall) {
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
