package io.storyteller.domain.corpus;

import java.time.Instant;
import java.util.List;

/**
 * A corpus export as it stands. The range, files and digest are those of its manifest, present
 * once it completed.
 *
 * @param directory     where its files are, relative to the data directory
 * @param firstSequence first global sequence that yielded records; null when none did
 * @param eventsRead    events read from the log, context included
 * @param digest        SHA-256 over the files' digests in manifest order: equal digests, equal datasets
 */
public record CorpusExportView(String exportId,
        CorpusExportStatus status,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        String directory,
        CorpusSelection selection,
        Long firstSequence,
        Long lastSequence,
        long eventsRead,
        List<CorpusFile> files,
        String digest,
        String failure) {

    public CorpusExportView {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
