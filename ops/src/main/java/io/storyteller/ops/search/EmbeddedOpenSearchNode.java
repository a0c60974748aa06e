package io.storyteller.ops.search;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import io.storyteller.ops.search.snapshot.SearchSnapshots;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.common.unit.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node OpenSearch 3.5 cluster with the k-NN plugin (Lucene engine), run inside this JVM on a
 * persistent directory and a free port on localhost.
 * <p>
 * In-process, a crash leaves no server behind: the node's file locks die with the JVM, and a stale
 * {@code node.lock} file is simply locked again. A directory still locked by another running
 * application is refused with a clear message instead of OpenSearch's "failed to obtain node locks".
 */
public final class EmbeddedOpenSearchNode implements SearchEndpoint, Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedOpenSearchNode.class);
    static final String CLUSTER_NAME = "storyteller";
    private static final String KNN_PLUGIN = "org.opensearch.knn.plugin.KNNPlugin";
    private static final String SNAPSHOTS = SearchSnapshots.SNAPSHOTS;
    private static final String PORT_FILE = SearchSnapshots.PORT_FILE;

    private final OpenSearchRunner runner;
    private final Path directory;
    private final int port;

    private EmbeddedOpenSearchNode(OpenSearchRunner runner, Path directory, int port) {
        this.runner = runner;
        this.directory = directory;
        this.port = port;
    }

    /** Starts the node on {@code directory} (created on first use) and waits until it serves. */
    public static EmbeddedOpenSearchNode start(Path directory, Duration startupTimeout) throws IOException {
        Path home = directory.toAbsolutePath().normalize();
        Files.createDirectories(home);
        refuseIfInUse(home);
        int port = freePort();
        long started = System.nanoTime();
        Path snapshots = Files.createDirectories(home.resolve(SNAPSHOTS));
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> settings
                .put("network.host", "127.0.0.1")
                // where a backup has the node write its snapshots, and a restore has it read them
                .put("path.repo", snapshots.toString())
                // a nearly full developer disk must not turn the indexes read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false));
        // the runner scans downwards from the maximum: exactly one port, the free one
        runner.setMaxHttpPort(port);
        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(home.toString())
                    .numOfNode(1)
                    .baseHttpPort(port - 1)
                    .clusterName(CLUSTER_NAME)
                    .pluginTypes(KNN_PLUGIN)
                    .useLogger());
            runner.ensureYellow();
            runner.admin().cluster().prepareHealth().setWaitForYellowStatus()
                    .setTimeout(TimeValue.timeValueMillis(startupTimeout.toMillis())).get();
        } catch (RuntimeException e) {
            closeQuietly(runner);
            throw new IOException("Embedded OpenSearch did not start under " + home + ": " + e.getMessage(), e);
        }
        log.info("Embedded OpenSearch started on port {} in {} ms, data under {}", port,
                (System.nanoTime() - started) / 1_000_000, home);
        // for the backup tool, which asks the running node for a snapshot of the indexes
        Files.writeString(home.resolve(PORT_FILE), Integer.toString(port));
        return new EmbeddedOpenSearchNode(runner, home, port);
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public List<URI> uris() {
        return List.of(URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public boolean embedded() {
        return true;
    }

    /** Stops the node; its data stays for the next start. */
    @Override
    public void close() throws IOException {
        if (runner.isClosed()) {
            return;
        }
        log.info("Stopping embedded OpenSearch on port {}", port);
        Files.deleteIfExists(directory.resolve(PORT_FILE));
        runner.close();
        log.info("Embedded OpenSearch stopped");
    }

    /** Refuses a directory whose node lock a live process holds (another application on the same data dir). */
    private static void refuseIfInUse(Path home) throws IOException {
        List<Path> locks;
        try (Stream<Path> files = Files.walk(home, 6)) {
            locks = files.filter(file -> file.getFileName().toString().equals("node.lock")).toList();
        }
        for (Path lockFile : locks) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw inUse(home);
                }
                // a lock file left by a crashed run: nobody holds it, OpenSearch takes it over
            } catch (OverlappingFileLockException e) {
                throw inUse(home);
            }
        }
    }

    private static IOException inUse(Path home) {
        return new IOException("OpenSearch data directory " + home
                + " is in use by another running Storyteller; stop it or choose another storyteller.data-dir");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(OpenSearchRunner runner) {
        try {
            runner.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a node that failed to start", e);
        }
    }
}
