package io.storyteller.ops.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a CLI tool reads the event log from: the configured PostgreSQL when a URL is given;
 * else the embedded cluster under the data directory, through the PostgreSQL the running server
 * started for it. A tool never starts the embedded cluster itself: the server owns that directory
 * (and its orphan handling), and {@code ops.cli} stays below the application's packages.
 */
final class LogDatabase {

    /** The lock file zonky's EmbeddedPostgres holds while an application runs the cluster. */
    private static final String LOCK_FILE = "epg-lock";
    /** postmaster.pid: pid, data directory, start time, port, … one a line. */
    private static final int PORT_LINE = 3;

    private final DataSource dataSource;
    private final String description;

    private LogDatabase(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    static LogDatabase open(String url, String user, String password, Path dataDirectory, String database) throws IOException {
        if (url != null && !url.isBlank()) {
            return external(url, user, password);
        }
        Path cluster = dataDirectory.resolve("postgres").toAbsolutePath().normalize();
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            throw new IOException("no database configured (--db-url or SPRING_DATASOURCE_URL) and no embedded one under " + cluster);
        }
        if (!heldByServer(cluster)) {
            throw new IOException("the embedded database under " + cluster + " is not running: start the server "
                    + "(java -jar storyteller.jar) and run this again, or give --db-url");
        }
        int port = Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(PORT_LINE).strip());
        String embedded = "jdbc:postgresql://localhost:%d/%s".formatted(port, database);
        return new LogDatabase(source(embedded, "postgres", null), "the running server's embedded PostgreSQL on port " + port);
    }

    /** A database at a JDBC URL, described without the credentials a URL may carry. */
    static LogDatabase external(String url, String user, String password) {
        return new LogDatabase(source(url, user, password), url.replaceAll("//[^@/]*@", "//"));
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
}
