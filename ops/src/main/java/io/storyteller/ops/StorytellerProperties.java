package io.storyteller.ops;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code storyteller.*}. Every default runs as is.
 *
 * @param dataDir          where the embedded infrastructure keeps its state (PostgreSQL under {@code postgres/})
 * @param embeddedPostgres the PostgreSQL started when {@code spring.datasource.url} is not set
 * @param eventProcessing  defaults for every event processor
 * @param snapshots        aggregate snapshotting
 * @param aggregateCache   aggregates kept in memory between commands
 */
@ConfigurationProperties("storyteller")
public record StorytellerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue EmbeddedPostgres embeddedPostgres,
        @DefaultValue EventProcessing eventProcessing,
        @DefaultValue Snapshots snapshots,
        @DefaultValue AggregateCache aggregateCache) {

    /**
     * @param port           TCP port on localhost; 0 picks a free one at each start
     * @param database       database created on first start and used by the application
     * @param startupTimeout how long to wait for the server to accept connections
     */
    public record EmbeddedPostgres(
            @DefaultValue("0") int port,
            @DefaultValue("storyteller") String database,
            @DefaultValue("60s") Duration startupTimeout) {

        public EmbeddedPostgres {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("storyteller.embedded-postgres.port must be 0..65535, was " + port);
            }
            if (!database.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("storyteller.embedded-postgres.database must be a plain lower-case identifier");
            }
        }
    }

    /**
     * @param batchSize           events handled per transaction by a processor
     * @param initialSegmentCount segments a new processor starts with (its parallelism): a segment's
     *                            batches alternate between this process and PostgreSQL, so twice the
     *                            cores keeps both busy
     * @param narrationSegments   narrations generated in parallel; one story's are always in order
     */
    public record EventProcessing(
            @DefaultValue("50") int batchSize,
            @DefaultValue("4") int initialSegmentCount,
            @DefaultValue("4") int narrationSegments) {

        /** Each event of a batch opens a savepoint; PostgreSQL caches 64 subtransactions per session. */
        public static final int MAX_BATCH_SIZE = 64;

        public EventProcessing {
            if (batchSize < 1 || initialSegmentCount < 1 || narrationSegments < 1) {
                throw new IllegalArgumentException("storyteller.event-processing values must be at least 1");
            }
            if (batchSize > MAX_BATCH_SIZE) {
                // past its cache PostgreSQL overflows to disk and every concurrent snapshot slows down
                throw new IllegalArgumentException("storyteller.event-processing.batch-size must be at most "
                        + MAX_BATCH_SIZE + ", was " + batchSize);
            }
        }
    }

    /** @param threshold events since the last snapshot that trigger a new one */
    public record Snapshots(@DefaultValue("250") int threshold) {

        public Snapshots {
            if (threshold < 1) {
                throw new IllegalArgumentException("storyteller.snapshots.threshold must be at least 1");
            }
        }
    }

    /**
     * @param size aggregates of each type kept in memory between commands, least recently used leaving
     *             first (the heap may shed them sooner under pressure); a story, world or model not
     *             kept is rebuilt from its latest snapshot and later events
     */
    public record AggregateCache(@DefaultValue("10000") int size) {

        public AggregateCache {
            if (size < 1) {
                throw new IllegalArgumentException("storyteller.aggregate-cache.size must be at least 1");
            }
        }
    }
}
