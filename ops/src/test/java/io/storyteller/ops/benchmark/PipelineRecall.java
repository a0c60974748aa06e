package io.storyteller.ops.benchmark;

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

/**
 * A turn's recall exactly as the narration engine's (package-private) {@code Recall} asks it: lore
 * (6 hits) and story memory (4 beats past the recent window) at once through the query gateway,
 * with the action as the query. Unlike the engine's, a failure here fails the benchmark: a figure
 * measured on a search that answered nothing would flatter it.
 */
final class PipelineRecall {

    private static final int LORE_HITS = 6;
    private static final int MEMORY_HITS = 4;

    private final QueryGateway queries;
    private final Duration timeout;

    PipelineRecall(QueryGateway queries, Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    CompletableFuture<Recalled> start(String worldId, String storyId, String text, int windowSize) {
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

    Recalled await(CompletableFuture<Recalled> recall) throws Exception {
        return recall.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
