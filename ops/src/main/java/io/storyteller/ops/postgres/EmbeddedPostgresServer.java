package io.storyteller.ops.postgres;

import io.storyteller.ops.StorytellerProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

/**
 * A PostgreSQL 17 server in a child process, on a persistent data directory.
 * <p>
 * It is the {@link JdbcConnectionDetails} Spring Boot builds the Hikari pool from, so the pool
 * (and everything using it, Axon included) depends on this bean and is shut down before it.
 */
public final class EmbeddedPostgresServer implements JdbcConnectionDetails, Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.database = database;
    }

    /** Starts the server on {@code dataDirectory}, creating the cluster and database on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory, StorytellerProperties.EmbeddedPostgres settings)
            throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        OrphanedPostmaster.stopIfRunning(directory);
        boolean existing = Files.exists(directory.resolve("PG_VERSION"));
        // PostgreSQL's own output goes to a file beside the cluster, not through the application log.
        Redirect serverLog = Redirect.appendTo(directory.resolveSibling("postgres.log").toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(settings.port())
                .setPGStartupWait(settings.startupTimeout())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, settings.database());
        server.createDatabaseIfMissing();
        log.info("Embedded PostgreSQL started on port {} with {} data directory {}",
                postgres.getPort(), existing ? "existing" : "new", directory);
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String getJdbcUrl() {
        return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), database);
    }

    @Override
    public String getUsername() {
        return SUPERUSER;
    }

    @Override
    public String getPassword() {
        return null;
    }

    /** Stops the server and waits until PostgreSQL has finished its shutdown checkpoint. */
    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL on port {}", postgres.getPort());
        postgres.close();
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (Files.exists(pidFile) && Instant.now().isBefore(deadline) && pause()) {
            // PostgreSQL removes its pid file as the last step of a clean shutdown.
        }
        if (Files.exists(pidFile)) {
            log.warn("Embedded PostgreSQL did not stop within {}; it will be stopped on the next start", STOP_TIMEOUT);
        } else {
            log.info("Embedded PostgreSQL stopped");
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is a validated plain identifier (see StorytellerProperties.EmbeddedPostgres).
                create.execute("create database " + database);
            }
            log.info("Created database {}", database);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not create database " + database + " on embedded PostgreSQL", e);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
