package io.storyteller.ops.backup;

import java.util.List;

/**
 * A table that a backup holds, with the rows of it that it holds.
 *
 * @param name   the table
 * @param filter a condition on its rows, or null for all
 * @param cache  whether it only saves work that can be done again (a restore replaces its rows)
 */
public record BackedUpTable(String name, String filter, boolean cache) {

    /** Axon names a saga's processor after the saga's class; every saga of this platform ends in "Saga". */
    private static final String SAGA_PROCESSORS = "processorname LIKE '%SagaProcessor'";

    /**
     * What cannot be rebuilt from anything else: the events, the aggregates' snapshots, the sagas with
     * their associations, the dead letters, the persistent deadlines and scheduled events, and the
     * positions of the saga processors (a saga's state is only consistent with the position it was
     * saved at; the same transaction wrote both). Read models, the other processors' tokens, search
     * indexes and caches are rebuilt from the events and are not in a backup.
     */
    public static final List<BackedUpTable> SOURCE_OF_TRUTH = List.of(
            new BackedUpTable("domainevententry", null, false),
            new BackedUpTable("snapshotevententry", null, false),
            new BackedUpTable("sagaentry", null, false),
            new BackedUpTable("associationvalueentry", null, false),
            new BackedUpTable("deadletterentry", null, false),
            new BackedUpTable("scheduled_tasks", null, false),
            new BackedUpTable("tokenentry", SAGA_PROCESSORS, false));

    /**
     * On request only: the vectors the embedders made, by text. Rebuilding the search indexes after a
     * restore then reads them instead of embedding every text of the log again, several times faster.
     */
    public static final BackedUpTable KEPT_VECTORS = new BackedUpTable("embedding_vectors", null, true);

    /** The event table: the restore target must hold none of its rows. */
    public static final String EVENTS = "domainevententry";
    /** The token table: a restore replaces whatever tokens the target held. */
    public static final String TOKENS = "tokenentry";

    /** The file a backup writes the table's rows into. */
    public String file() {
        return name + ".copy.gz";
    }

    /** The rows of the table that a backup holds, for COPY. */
    String rows(List<String> columns) {
        String select = "SELECT " + String.join(", ", columns) + " FROM " + name;
        return filter == null ? select : select + " WHERE " + filter;
    }
}
