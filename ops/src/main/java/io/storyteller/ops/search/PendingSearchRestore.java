package io.storyteller.ops.search;

import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.search.snapshot.SearchSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The search indexes a restored backup brought ({@code storyteller backup restore} put their snapshot
 * under {@code <data-dir>/opensearch/snapshots/restore}, beside the search processors' positions in
 * the database). On the application's embedded node they are restored before the client is made, so
 * before any projection looks at its indexes, and the indexing goes on from the restored positions.
 * <p>
 * When they cannot be restored (an external cluster, whose snapshot repositories this application
 * does not own, or a failure), {@link #rebuildsIndexes()} tells the start to rebuild the search
 * indexes from the log: the restored positions describe indexes this cluster does not hold.
 */
public final class PendingSearchRestore {

    private static final Logger log = LoggerFactory.getLogger(PendingSearchRestore.class);
    private static final String REPOSITORY = "storyteller-restore";

    private final Path directory;
    private final SearchEndpoint endpoint;
    private volatile boolean rebuild;

    PendingSearchRestore(StorytellerProperties properties, SearchEndpoint endpoint) {
        this.directory = SearchSnapshots.pendingDirectory(properties.dataDir());
        this.endpoint = endpoint;
    }

    /** Whether the search indexes must be rebuilt from the log because a restored snapshot could not be used. */
    public boolean rebuildsIndexes() {
        return rebuild;
    }

    /** Restores a pending snapshot on the embedded node; afterwards its files are gone, whatever the outcome. */
    void apply() {
        List<SearchSnapshots.Part> parts;
        try {
            parts = SearchSnapshots.pending(directory);
        } catch (IOException e) {
            parts = null;
            rebuild = true;
            log.warn("The backup's search snapshot under {} is unreadable ({}): the search indexes are rebuilt from the log",
                    directory, e.getMessage());
            deleteRecursively(directory);
        }
        if (parts == null) {
            return;
        }
        try {
            if (!endpoint.embedded()) {
                rebuild = true;
                log.warn("A restored backup's search snapshot is under {}, but this application uses an external OpenSearch:"
                        + " the search indexes are rebuilt from the log instead", directory);
                return;
            }
            long started = System.nanoTime();
            List<String> restored;
            // a client of its own: restoring a large index takes longer than the application's requests may
            try (SearchSnapshots snapshots = SearchSnapshots.onLocalNode(endpoint.uris().getFirst())) {
                restored = snapshots.restore(directory, REPOSITORY, parts);
            }
            log.info("Restored the search indexes {} from the backup's snapshot in {} ms", restored,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            rebuild = true;
            log.warn("The backup's search snapshot under {} could not be restored ({}): the search indexes are rebuilt from the log",
                    directory, e.getMessage());
        } finally {
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }
}
