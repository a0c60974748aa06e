package io.storyteller.ops.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.ops.StorytellerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search indexes a restored backup brought ({@code storyteller backup restore} put their snapshot
 * under {@code <data-dir>/opensearch/snapshots/restore}, beside the search processors' positions in
 * the database). On the application's embedded node they are restored when the client is made, so
 * before any projection looks at its indexes, and the indexing goes on from the restored positions.
 * <p>
 * When they cannot be restored (an external cluster, whose snapshot repositories this application
 * does not own, or a failure), {@link #rebuildsIndexes()} tells the start to rebuild the search
 * indexes from the log: the restored positions describe indexes this cluster does not hold.
 */
public final class PendingSearchRestore {

    private static final Logger log = LoggerFactory.getLogger(PendingSearchRestore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPOSITORY = "storyteller-restore";
    /** Written last by a restore: a directory without it is an unfinished restore and is ignored. */
    public static final String PENDING_FILE = "pending.json";

    private final Path directory;
    private final SearchEndpoint endpoint;
    private volatile boolean rebuild;

    PendingSearchRestore(StorytellerProperties properties, SearchEndpoint endpoint) {
        this.directory = directory(properties.dataDir());
        this.endpoint = endpoint;
    }

    /** Where a restore puts the snapshot for the application on {@code dataDir}. */
    public static Path directory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("opensearch").resolve(EmbeddedOpenSearchNode.SNAPSHOTS).resolve("restore");
    }

    /** Marks the snapshot files put into {@code directory} as complete and holding {@code parts}. */
    public static void markPending(Path directory, List<SearchSnapshots.Part> parts) throws IOException {
        JSON.writeValue(directory.resolve(PENDING_FILE).toFile(), parts.toArray(SearchSnapshots.Part[]::new));
    }

    /** Whether the search indexes must be rebuilt from the log because a restored snapshot could not be used. */
    public boolean rebuildsIndexes() {
        return rebuild;
    }

    /** Restores a pending snapshot through {@code client}; afterwards its files are gone, whatever the outcome. */
    void apply(OpenSearchClient client) {
        Path pending = directory.resolve(PENDING_FILE);
        if (!Files.isRegularFile(pending)) {
            return;
        }
        try {
            if (!endpoint.embedded() || endpoint.snapshots().isEmpty()) {
                rebuild = true;
                log.warn("A restored backup's search snapshot is under {}, but this application uses an external OpenSearch:"
                        + " the search indexes are rebuilt from the log instead", directory);
                return;
            }
            List<SearchSnapshots.Part> parts = Arrays.asList(JSON.readValue(pending.toFile(), SearchSnapshots.Part[].class));
            long started = System.nanoTime();
            List<String> restored = SearchSnapshots.on(client).restore(directory, REPOSITORY, parts);
            log.info("Restored the search indexes {} from the backup's snapshot in {} ms", restored,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            rebuild = true;
            log.warn("The backup's search snapshot under {} could not be restored ({}): the search indexes are rebuilt from the log",
                    directory, e.getMessage());
        } finally {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }
}
