package io.storyteller.graphql.story;

import io.storyteller.domain.story.BeatPage;
import java.util.List;

/** A Relay connection over a story's beats, made from the query side's {@link BeatPage}. */
public record BeatConnection(List<BeatEdge> edges, PageInfo pageInfo, int totalCount) {

    static BeatConnection of(BeatPage page) {
        List<BeatEdge> edges = page.beats().stream()
                .map(beat -> new BeatEdge(BeatCursor.of(beat.position()), beat))
                .toList();
        PageInfo pageInfo = new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new BeatConnection(edges, pageInfo, page.totalCount());
    }
}
