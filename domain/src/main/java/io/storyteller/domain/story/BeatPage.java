package io.storyteller.domain.story;

import java.util.List;

/** A page of beats. */
public record BeatPage(List<BeatView> beats,
        boolean hasPreviousPage,
        boolean hasNextPage,
        int totalCount) {
}
