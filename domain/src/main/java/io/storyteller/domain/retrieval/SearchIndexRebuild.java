package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * What a {@link RebuildSearchIndexes} started.
 *
 * @param processingGroups the processing groups reset to the start of the event log, now replaying it
 */
public record SearchIndexRebuild(List<String> processingGroups) {

    public SearchIndexRebuild {
        processingGroups = List.copyOf(processingGroups);
    }
}
