package io.storyteller.ops.search.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.projections.schema.SearchIndex;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.snapshot.CreateSnapshotResponse;
import org.opensearch.client.opensearch.snapshot.RestoreSnapshotResponse;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Snapshots of the search indexes in an {@code fs} repository of a node on this machine: a backup
 * has the running node write them ({@link #take}) and archives the repository's files; a restore
 * puts those files under the new node's {@code path.repo}, where the application reads them back
 * ({@link #restore}) before any projection looks at its indexes.
 * <p>
 * A snapshot of several indexes is not taken at one instant: each shard is copied from its own
 * commit. So the story cursors are snapshot alone and first, and the beats after them: every beat
 * a cursor counted is in the snapshot (the beat index writes a beat before it moves its story's
 * cursor), and a beat found written beyond its cursor is what the projection already completes
 * after a failure between its two writes.
 */
public final class SearchSnapshots implements Closeable {

    /** The snapshots of a backup, in the order they were taken and are restored. */
    public static final List<Part> PARTS = List.of(
            new Part("cursors", List.of(SearchIndex.STORY_CURSORS.indexName())),
            new Part("documents", List.of(SearchIndex.BEATS.indexName(), SearchIndex.LORE.indexName())));

    /** The directory of a node's snapshot repositories ({@code path.repo}), under the node's own directory. */
    public static final String SNAPSHOTS = "snapshots";
    /** The HTTP port of the embedded node running on a directory, written there while it runs. */
    public static final String PORT_FILE = "http.port";
    /** Written last by a restore beside the snapshot's files: a directory without it is an unfinished restore. */
    public static final String PENDING_FILE = "pending.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long writing or restoring the snapshots of a backup may take, one request each (about a minute per GB here). */
    private static final Duration SNAPSHOT_LIMIT = Duration.ofHours(1);

    private final OpenSearchClient client;

    private SearchSnapshots(OpenSearchClient client) {
        this.client = client;
    }

    /**
     * The embedded node running on {@code nodeHome} (an application's {@code <data-dir>/opensearch}),
     * found by the port it wrote there.
     */
    public static SearchSnapshots onRunningNode(Path nodeHome) throws IOException {
        Path portFile = nodeHome.resolve(PORT_FILE);
        int port;
        try {
            port = Integer.parseInt(Files.readString(portFile).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            throw new IOException("no running embedded OpenSearch under " + nodeHome + " (no " + PORT_FILE
                    + "): start the server and run this again; for a server on an external OpenSearch, leave the search indexes"
                    + " out of the backup (--no-search-snapshot)");
        }
        SearchSnapshots snapshots = onLocalNode(URI.create("http://127.0.0.1:" + port));
        try {
            snapshots.client.cluster().health(h -> h);
        } catch (IOException | RuntimeException e) {
            snapshots.close();
            throw new IOException("the embedded OpenSearch under " + nodeHome + " does not answer on port " + port
                    + ": start the server and run this again (" + e.getMessage() + ")", e);
        }
        return snapshots;
    }

    /**
     * The node of this machine at {@code uri} (plain HTTP, as the embedded node serves), with a client
     * that waits for a snapshot to be written or restored in one request.
     */
    public static SearchSnapshots onLocalNode(URI uri) {
        var transport = ApacheHttpClient5TransportBuilder.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(request -> request.setResponseTimeout(Timeout.of(SNAPSHOT_LIMIT)))
                .build();
        return new SearchSnapshots(new OpenSearchClient(transport));
    }

    /**
     * Writes {@link #PARTS} (the indexes of them that exist) into a new repository at {@code location},
     * a directory under the node's {@code path.repo}, waiting for each; then forgets the repository,
     * leaving its files for the caller.
     *
     * @return the parts written, each naming the indexes it holds
     */
    public List<Part> take(Path location, String repository) throws IOException {
        register(repository, location, false);
        try {
            List<Part> written = new ArrayList<>();
            for (Part part : PARTS) {
                List<String> existing = new ArrayList<>();
                for (String index : part.indices()) {
                    if (client.indices().exists(e -> e.index(index)).value()) {
                        existing.add(index);
                    }
                }
                if (existing.isEmpty()) {
                    continue;
                }
                CreateSnapshotResponse taken = client.snapshot().create(c -> c.repository(repository).snapshot(part.snapshot())
                        .indices(existing).includeGlobalState(false).waitForCompletion(true));
                if (taken.snapshot() == null || !"SUCCESS".equals(taken.snapshot().state())) {
                    throw new IOException("the search snapshot " + part.snapshot() + " ended "
                            + (taken.snapshot() == null ? "without a result" : taken.snapshot().state()));
                }
                written.add(new Part(part.snapshot(), existing));
            }
            return written;
        } catch (OpenSearchException e) {
            throw new IOException("the search snapshot failed: " + e.getMessage(), e);
        } finally {
            forget(repository);
        }
    }

    /**
     * Restores {@code parts} from the repository at {@code location}, each index only if it does not
     * exist yet, waiting for each; the repository is forgotten afterwards.
     *
     * @return the indexes restored
     */
    public List<String> restore(Path location, String repository, List<Part> parts) throws IOException {
        register(repository, location, true);
        List<String> restored = new ArrayList<>();
        try {
            for (Part part : parts) {
                List<String> absent = new ArrayList<>();
                for (String index : part.indices()) {
                    if (!client.indices().exists(e -> e.index(index)).value()) {
                        absent.add(index);
                    }
                }
                if (absent.isEmpty()) {
                    continue;
                }
                RestoreSnapshotResponse answer = client.snapshot().restore(r -> r.repository(repository).snapshot(part.snapshot())
                        .indices(absent).includeGlobalState(false).waitForCompletion(true));
                restored.addAll(absent);
                var shards = answer.snapshot() == null ? null : answer.snapshot().shards();
                if (shards == null || shards.failed() > 0) {
                    throw new IOException("restoring the search snapshot " + part.snapshot() + " failed on "
                            + (shards == null ? "an unknown number of" : shards.failed()) + " shards");
                }
            }
            return restored;
        } catch (OpenSearchException | IOException e) {
            for (String index : restored) {
                try {
                    client.indices().delete(d -> d.index(index));
                } catch (IOException | OpenSearchException ignored) {
                    // the index stays half restored; the projection's own checks see its missing documents
                }
            }
            throw e instanceof IOException io ? io : new IOException("restoring the search snapshot failed: " + e.getMessage(), e);
        } finally {
            forget(repository);
        }
    }

    private void register(String repository, Path location, boolean readonly) throws IOException {
        try {
            client.snapshot().createRepository(r -> r.name(repository)
                    .type("fs").settings(s -> s.location(location.toAbsolutePath().normalize().toString()).readOnly(readonly)));
        } catch (OpenSearchException e) {
            throw new IOException("OpenSearch refused the snapshot repository at " + location
                    + " (it must be under the node's path.repo): " + e.getMessage(), e);
        }
    }

    private void forget(String repository) {
        try {
            client.snapshot().deleteRepository(d -> d.name(repository));
        } catch (IOException | OpenSearchException ignored) {
            // a registration left behind names a directory the caller deletes; the node ignores it
        }
    }

    /** Where a restore puts the snapshot for the application on {@code dataDir} (under its embedded node's {@code path.repo}). */
    public static Path pendingDirectory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("opensearch").resolve(SNAPSHOTS).resolve("restore");
    }

    /** Marks the snapshot files put into {@code directory} as complete and holding {@code parts}. */
    public static void markPending(Path directory, List<Part> parts) throws IOException {
        JSON.writeValue(directory.resolve(PENDING_FILE).toFile(), parts.toArray(Part[]::new));
    }

    /** The parts of the complete snapshot in {@code directory}, or null when it holds none. */
    public static List<Part> pending(Path directory) throws IOException {
        Path marker = directory.resolve(PENDING_FILE);
        return Files.isRegularFile(marker) ? List.of(JSON.readValue(marker.toFile(), Part[].class)) : null;
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }

    /**
     * One snapshot of a backup.
     *
     * @param snapshot its name in the repository
     * @param indices  the indexes it holds
     */
    public record Part(String snapshot, List<String> indices) {

        public Part {
            indices = List.copyOf(indices);
        }
    }
}
