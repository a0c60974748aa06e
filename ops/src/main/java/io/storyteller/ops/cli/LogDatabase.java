package io.storyteller.ops.cli;

import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a CLI tool reads the event log from, found as the server finds it: the configured
 * PostgreSQL when a URL is given; else the embedded cluster under the data directory, through the
 * running server's own PostgreSQL when the server holds it, or started for the tool and stopped after.
 */
final class LogDatabase implements AutoCloseable {

    private static final String EMBEDDED_DATABASE = "storyteller";
    /** The lock file zonky's EmbeddedPostgres holds while an application runs the cluster. */
    private static final String LOCK_FILE = "epg-lock";
    /** postmaster.pid: pid, data directory, start time, port, … one a line. */
    private static final int PORT_LINE = 3;

    private final DataSource dataSource;
    private final EmbeddedPostgresServer started;
    private final String description;

    private LogDatabase(DataSource dataSource, EmbeddedPostgresServer started, String description) {
        this.dataSource = dataSource;
        this.started = started;
        this.description = description;
    }

    static LogDatabase open(String url, String user, String password, Path dataDirectory) throws IOException {
        if (url != null && !url.isBlank()) {
            return new LogDatabase(source(url, user, password), null, url.replaceAll("//[^@/]*@", "//"));
        }
        Path cluster = dataDirectory.resolve("postgres").toAbsolutePath().normalize();
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            throw new IOException("no database configured (--db-url or SPRING_DATASOURCE_URL) and no embedded one under " + cluster);
        }
        if (heldByServer(cluster)) {
            int port = Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(PORT_LINE).strip());
            String embedded = "jdbc:postgresql://localhost:%d/%s".formatted(port, EMBEDDED_DATABASE);
            return new LogDatabase(source(embedded, "postgres", null), null, "the running server's embedded PostgreSQL on port " + port);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster,
                new StorytellerProperties.EmbeddedPostgres(0, EMBEDDED_DATABASE, Duration.ofSeconds(60)));
        return new LogDatabase(source(server.getJdbcUrl(), server.getUsername(), null), server, "the embedded PostgreSQL in " + cluster);
    }

    DataSource dataSource() {
        return dataSource;
    }

    String description() {
        return description;
    }

    private static boolean heldByServer(Path cluster) throws IOException {
        try (FileChannel channel = FileChannel.open(cluster.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static DataSource source(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        if (user != null && !user.isBlank()) {
            source.setUser(user);
        }
        if (password != null && !password.isBlank()) {
            source.setPassword(password);
        }
        return source;
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}
