package io.storyteller.ops.cli;

import io.storyteller.ops.storage.EventLogStorageEngine;
import io.storyteller.ops.storage.StoredJson;
import io.storyteller.ops.storage.upcasting.StoredEventUpcasters;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The server's event store ({@link EventLogStorageEngine}, the stored JSON format, the stored events' upcasters)
 * opened read-side by a tool, without Spring.
 */
public final class LogEventStore {

    /** Events fetched per query: larger batches than the server's, a one-off read favours throughput. */
    private static final int FETCH_BATCH = 1000;

    private LogEventStore() {
    }

    /** An event store on the database; shut it down when done. */
    public static EmbeddedEventStore open(DataSource dataSource) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(StoredJson.mapper()).build();
        JdbcEventStorageEngine engine = EventLogStorageEngine.of(JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .upcasterChain(StoredEventUpcasters.chain())
                .batchSize(FETCH_BATCH));
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }
}
